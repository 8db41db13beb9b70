"""A random SmolLM-135M-shaped checkpoint with a byte-level BPE tokenizer, for the serving benchmark.

The weights are random (seeded); the tokenizer is trained on the course's lessons (8,192 tokens;
the model keeps SmolLM's 49,152-row embedding, so the output layer costs what the real one does).

    python3 Scripts/bench/serving_checkpoint.py OUT_FOLDER
"""
import glob
import json
import os
import sys

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)
config = LlamaConfig(vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30,
                     num_attention_heads=9, num_key_value_heads=3, max_position_embeddings=2048,
                     rms_norm_eps=1e-5, rope_theta=10000.0, tie_word_embeddings=True, bos_token_id=0, eos_token_id=0)
model = LlamaForCausalLM(config).float().eval()
model.save_pretrained(out, safe_serialization=True)

tokenizer = Tokenizer(models.BPE())
tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
tokenizer.decoder = decoders.ByteLevel()
trainer = trainers.BpeTrainer(vocab_size=8192, special_tokens=["<|endoftext|>"],
                              initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
tokenizer.train(sorted(glob.glob("Lessons/*/lesson.md")), trainer)
tokenizer.save(os.path.join(out, "tokenizer.json"))
with open(os.path.join(out, "tokenizer_config.json"), "w") as f:
    json.dump({"eos_token": "<|endoftext|>", "bos_token": "<|endoftext|>"}, f)
print(out)
