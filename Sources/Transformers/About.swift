// Transformers: Byte-level BPE tokenizer, attention, GPT-2 and Llama blocks, safetensors and Hugging Face config loading.
