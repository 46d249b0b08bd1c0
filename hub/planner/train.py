"""Train a planner: generate data from the manifests, add the functional tokens, fit, save.

    octohub train --kinds phone,car,home --out runs/planner --seed 0

The default backbone keeps the MiniLM encoder frozen, so each request is encoded once,
up front, and only the small decoder trains on the cached states. With --base DIR a
local causal LM is fine-tuned instead (fully, or with --lora).
"""
from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import structlog
import torch
from tqdm import tqdm

from hub.planner import data
from hub.planner.constrain import Request, Vocab, answer_ids, free_text_params, pointed_params
from hub.planner.model import Causal, Seq2Seq, render_prompt
from hub.planner.neighbours import Neighbours
from hub.planner.planner import live_specs, table_from_manifests
from protocols import DeviceManifest

log = structlog.get_logger("octohub.train")


@dataclass
class TrainConfig:
    kinds: list[str] = field(default_factory=lambda: ["phone", "car", "home"])
    inventory: str | None = None
    out: str = "runs/planner"
    base: str | None = None  # a local causal LM directory; None: the MiniLM seq2seq default
    lora: bool = False
    seed: int = 0
    per_function: int = 400  # single-call examples per function
    # The first choice's prior is built from a smaller draw: with 400 per function its bank
    # held so many irrelevant requests that it pulled real ones to no call (dev refused 0.38 -> 0.26 %).
    prior_per_function: int = 100
    epochs: float = 3.0
    batch_size: int = 64
    lr: float = 2e-3
    warmup_steps: int = 100
    hidden: int = 256
    layers: int = 2
    int8_encoder: bool = True  # dynamic int8 encoder, in training and at inference (~3x faster)
    dropout: float = 0.0  # the decoder underfits its data in 20 minutes: no dropout
    negatives: int = 512  # random extra tokens in each step's sampled softmax
    fn_weight: float = 2.0  # loss weight on functional tokens (Octopus found it speeds early training)
    # Fit the schedule into this budget rather than overrun 20 minutes (speed measured every
    # 50 steps, so a run cut short depends on the machine); 0: no budget, fully reproducible.
    max_minutes: float = 19.0
    examples: list[Any] | None = None  # given examples instead of generated ones (tests)
    manifests_file: str | None = None  # a JSON list of DeviceManifests (the hub's live ones)


def builtin_manifests(kinds: list[str], inventory: str | None = None) -> list[DeviceManifest]:
    from devices import catalogue

    return [catalogue.create(kind, f"{kind}-1", inventory=inventory).manifest() for kind in kinds]


def encode_all(model: Seq2Seq | Causal, prompts: list[tuple[str, str | None]],
               chunk: int = 256) -> list[tuple[torch.Tensor, int]]:
    """Each prompt's encoder states (fp16, cached) or token ids, shortest first per chunk."""
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i][0]) + len(prompts[i][1] or ""))
    out: list[Any] = [None] * len(prompts)
    for start in tqdm(range(0, len(order), chunk), desc="encoding requests", leave=False):
        idx = order[start:start + chunk]
        batch = model.tokenize_prompts([prompts[i] for i in idx])
        states = model.encode(batch["input_ids"], batch["attention_mask"])
        lengths = batch["attention_mask"].sum(1).tolist()
        for row, i in enumerate(idx):
            n = int(lengths[row])
            kept = states[row, :n] if isinstance(model, Seq2Seq) else states[row][batch["attention_mask"][row].bool()]
            out[i] = (kept.half().clone() if kept.is_floating_point() else kept.clone(), n)
    return out


def request_view(tokenizer: Any, query: str, specs: dict[int, Any] | None = None) -> Request:
    """The request as the grammar sees it (tokens and their character offsets; the live
    specs by functional-token index, where a target needs their schemas)."""
    encoded = tokenizer(query, add_special_tokens=False, return_offsets_mapping=True)
    return Request(query, list(encoded["input_ids"]), list(encoded["offset_mapping"]), specs or {}, pointer=True)


def locate_spans(model: Any, query: str, spans: list[tuple[int, list[int], tuple[int, int] | None]]
                 ) -> list[tuple[int, int, int, int]]:
    """(answer index of the span's first token, its length, request start, request end),
    request positions counted as the encoder sees them (after [CLS])."""
    ids = model.tokenizer(query, add_special_tokens=False)["input_ids"]
    found = []
    for at, tokens, where in spans:
        if where is not None:  # answer_ids found its position (no overlap with other spans)
            found.append((at, len(tokens), where[0] + 1, where[1] + 1))
            continue
        for p in range(len(ids) - len(tokens) + 1):
            if tokens and ids[p:p + len(tokens)] == tokens:
                found.append((at, len(tokens), p + 1, p + len(tokens)))
                break
    return found


def collate(items: list[tuple[torch.Tensor, list[int], list[tuple[int, int, int, int]]]]
            ) -> tuple[torch.Tensor, ...]:
    width = max(s.shape[0] for s, _, _ in items)
    length = max(len(t) for _, t, _ in items)
    first = items[0][0]
    shape = (len(items), width, *first.shape[1:])
    states = torch.zeros(shape, dtype=torch.float32 if first.is_floating_point() else torch.long)
    mask = torch.zeros(len(items), width, dtype=torch.long)
    target = torch.full((len(items), length), -100, dtype=torch.long)
    vocab_mask = torch.ones(len(items), length, dtype=torch.bool)
    spans = []
    for row, (s, t, found) in enumerate(items):
        for at, size, begin, end in found:
            vocab_mask[row, at:at + size] = False  # pointed at, not spelled
            spans.append((row, at, begin, end))
        if first.is_floating_point():
            states[row, : s.shape[0]] = s.float()
            mask[row, : s.shape[0]] = 1
        else:  # causal prompts are left-padded so the answer follows at once
            states[row, width - s.shape[0]:] = s
            mask[row, width - s.shape[0]:] = 1
        target[row, : len(t)] = torch.tensor(t)
    span_tensor = torch.tensor(spans, dtype=torch.long).reshape(-1, 4)
    return states, mask, target, span_tensor, vocab_mask


def train(cfg: TrainConfig) -> dict[str, Any]:
    started = time.time()
    rng = random.Random(cfg.seed)
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    if cfg.manifests_file:
        raw = json.loads(Path(cfg.manifests_file).read_text())
        manifests = [DeviceManifest.model_validate(m) for m in raw]
        cfg.kinds = [m.kind for m in manifests]
    else:
        manifests = builtin_manifests(cfg.kinds, cfg.inventory)
    table = table_from_manifests(manifests)
    examples = cfg.examples if cfg.examples is not None else data.build(rng, manifests, cfg.per_function)
    log.info("train.data", examples=len(examples), functions=len(table.functions))

    if cfg.base:
        model: Seq2Seq | Causal = Causal.create(Path(cfg.base), table.tokens, lora=cfg.lora)
    else:
        model = Seq2Seq.create(table.tokens, hidden=cfg.hidden, layers=cfg.layers, seed=cfg.seed,
                               int8_encoder=cfg.int8_encoder, dropout=cfg.dropout)
    vocab = Vocab(model.tokenizer, table)
    specs = live_specs(manifests)
    free_text, pointed = free_text_params(specs), pointed_params(specs)
    indexed = {table.index(name): spec for name, spec in specs.items()}  # a number's words ("honk twice")
    pointer = bool(getattr(model, "pointer", False))
    targets, pointers = [], []
    for ex in tqdm(examples, desc="answers", leave=False, mininterval=2.0):
        spans: list[tuple[int, list[int], tuple[int, int] | None]] = []
        request = request_view(model.tokenizer, ex.query, indexed) if pointer else None
        targets.append(answer_ids(vocab, ex.calls, table, spans, free_text, request, pointed))
        pointers.append(locate_spans(model, ex.query, spans) if pointer else [])
    encoded = encode_all(model, [render_prompt(ex.query, ex.context) for ex in examples])
    items = [(states, target, spans) for (states, _), target, spans in zip(encoded, targets, pointers)]
    log.info("train.pointer_spans", spans=sum(map(len, pointers)))

    # Decisions that shape the plan (which function, another call or the end) weigh more.
    fn_ids = torch.tensor(vocab.fn_ids + [vocab.fn_none, vocab.semi, vocab.fn_end])
    # Tokens the grammar offers side by side (digits against punctuation, "20" against
    # "##0") must all be in every softmax, or their scores are never calibrated.
    always = torch.tensor(sorted(vocab.format_ids | {vocab.quote, vocab.comma, vocab.rparen, vocab.semi,
                                                     vocab.fn_end, *vocab.encode("true"), *vocab.encode("false")}))
    params = model.trainable()
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.01, fused=True)
    steps = max(1, int(math.ceil(len(items) / cfg.batch_size) * cfg.epochs))
    plan = {"steps": steps}  # may shrink once, if the time budget cannot hold them all

    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / cfg.warmup_steps)
                                                 * max(0.05, 1 - s / plan["steps"]))
    model.train()
    model_encoder = getattr(model, "encoder", None)
    if model_encoder is not None:
        model_encoder.eval()
    losses: list[float] = []
    bar = tqdm(range(steps), desc="training", unit="step", mininterval=2.0)
    order: list[int] = []
    loop_started = time.time()
    for step in bar:
        if step >= 50 and step % 50 == 0 and cfg.max_minutes > 0:
            # Measured speed: fit the schedule to the time left, so it still decays to the end.
            left = cfg.max_minutes * 60 - (time.time() - started)
            fits = step + int(left / ((time.time() - loop_started) / step) * 0.97)
            if fits < steps and plan["steps"] == steps:
                log.warning("train.time_budget", planned=steps, fits=fits)
            plan["steps"] = max(step + 1, min(steps, fits))  # re-fitted as the speed is known better
        if step >= plan["steps"]:
            break
        if not order:  # batches of similar length waste less padding
            order = list(range(len(items)))
            rng.shuffle(order)
            order = [i for chunk in range(0, len(order), cfg.batch_size * 50)
                     for i in sorted(order[chunk:chunk + cfg.batch_size * 50], key=lambda i: len(items[i][1]))]
            blocks = [order[i:i + cfg.batch_size] for i in range(0, len(order), cfg.batch_size)]
            rng.shuffle(blocks)
            order = [i for block in blocks for i in block]
        batch, order = order[: cfg.batch_size], order[cfg.batch_size:]
        states, mask, target, spans, vocab_mask = collate([items[i] for i in batch])
        loss = model.loss(states, mask, target, cfg.fn_weight, fn_ids, spans=spans, vocab_mask=vocab_mask,
                          always=always, negatives=cfg.negatives)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
        if step % 20 == 0:
            bar.set_postfix(loss=f"{sum(losses[-20:]) / len(losses[-20:]):.4f}")
        if 0 < cfg.max_minutes < (time.time() - started) / 60:  # slower than measured
            log.warning("train.time_budget_reached", step=step, steps=plan["steps"])
            break
    model.eval()

    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    if isinstance(model, Seq2Seq):
        trained = [model.decoder, model.bridge, model.span_start, model.span_end]
        for part in trained:  # fp16 on disk keeps the shipped checkpoint small
            part.half()
        model.save(out)
        for part in trained:
            part.float()
        bank = examples if cfg.examples is not None else \
            data.build(random.Random(cfg.seed), manifests, cfg.prior_per_function)
        with torch.inference_mode():  # the first choice's prior (neighbours.py), as rebuild_neighbours
            Neighbours.build(model, bank, cfg.seed).save(out)
    else:
        model.save(out)
    report = {
        "backbone": model.kind, "int8_encoder": cfg.int8_encoder, "functions": list(table.functions),
        "parameters": [list(p) for p in table.parameters], "kinds": cfg.kinds, "seed": cfg.seed,
        "examples": len(examples), "steps": len(losses), "final_loss": sum(losses[-50:]) / max(1, len(losses[-50:])),
        "minutes": round((time.time() - started) / 60, 2),
        "config": {k: v for k, v in asdict(cfg).items() if k != "examples"},
    }
    (out / "planner.json").write_text(json.dumps(report, indent=1))
    log.info("train.done", out=str(out), minutes=report["minutes"], loss=round(report["final_loss"], 4))
    return report


def rebuild_neighbours(out: Path, kinds: list[str], seed: int = 0, per_function: int = 100) -> int:
    """The first choice's prior (neighbours.py) for a trained Seq2Seq model, from the data
    the generator makes for these kinds: for a model trained before the prior existed."""
    from hub.planner.model import load_backbone

    backbone = load_backbone(out)
    if not isinstance(backbone, Seq2Seq):
        raise ValueError(f"{out}: only an encoder-decoder model has a sentence embedding")
    examples = data.build(random.Random(seed), builtin_manifests(kinds), per_function)
    with torch.inference_mode():
        bank = Neighbours.build(backbone, examples, seed)
    bank.save(out)
    log.info("train.neighbours", out=str(out), requests=len(bank.labels))
    return len(bank.labels)

