// Transformers: byte-level BPE tokenizer, attention, GPT-2 and Llama blocks, safetensors and
// Hugging Face config loading, KV cache, greedy decoding, pre-training.
//
// Running a checkpoint downloaded from the Hugging Face Hub (GPT-2, SmolLM, …) — a folder with
// config.json, model.safetensors and tokenizer.json (or vocab.json + merges.txt):
//
//     let folder = URL(fileURLWithPath: "SmolLM-135M")
//     let model = try loadLanguageModel(directory: folder)       // GPT2Model or LlamaModel, by model_type
//     let tokenizer = try BytePairTokenizer(directory: folder)
//     let ids = greedyDecode(model, prompt: tokenizer.encode("Gravity is"), maxNewTokens: 20)
//     print(tokenizer.decode(ids))
//
// docs/models.md says what is supported, how to download, and what the errors mean.
//
// Map of the module:
//   Tokenizer/   ByteUnicodeMap, PreTokenizer (GPT-2 pattern by hand), BytePairTokenizer (+Files), BytePairTrainer
//   Config/      GPT2Config, LlamaConfig, ConfigFile (errors naming file and key)
//   Attention/   scaledDotProductAttention (causal, GQA/MQA, ALiBi), RotaryEmbedding, KVCache, flashAttention
//   Models/      LanguageModel, GPT2Model, LlamaModel, Conv1D/Projection (+ adapter hook), greedyDecode
//   Loading/     Checkpoint (safetensors ↔ parameters by Hugging Face name)
//   Training/    AdditionCorpus, PreTrainer, additionAccuracy
