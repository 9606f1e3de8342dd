"""RNN vs attention page: LSTM seq2seq translation, alignment, BLEU by length, the bottleneck
lab, and the cost of being sequential."""

EN = {
    "rnn.title": "RNN vs attention",
    "rnn.heading": "Before Transformers: RNN translators, with and without attention",
    "rnn.intro": "Two LSTM encoder–decoders translate English into French. They are the same "
                 "size and had the same training budget; one difference: the **plain** "
                 "decoder sees the English sentence only through one fixed-size context "
                 "vector, the **attention** decoder (Bahdanau, Cho & Bengio 2015) looks back "
                 "at every English word before writing each French word. Self-attention in "
                 "Transformers grew out of this idea.",
    "rnn.missing": "The trained translation models are missing from `core/seq2seq/checkpoints/`. "
                   "Train them with `python -m core.seq2seq.train --data fra-eng.tsv --model "
                   "attention --out core/seq2seq/checkpoints/attention` (and `--model plain`).",
    "rnn.tab.translate": "Translate & align",
    "rnn.tab.lab": "Bottleneck lab",
    "rnn.tab.cost": "Sequential vs parallel",
    "rnn.model.plain": "Plain (context vector only)",
    "rnn.model.attention": "With attention (Bahdanau)",
    # translate
    "rnn.translate.header": "1. Translate with both models",
    "rnn.translate.input": "English sentence",
    "rnn.translate.default": "She is five years younger than me.",
    "rnn.translate.suggest": "Or pick a held-out sentence — one the models never saw in "
                             "training:",
    "rnn.translate.empty": "Type an English sentence first — the models need at least one word.",
    "rnn.translate.oov": "Not in the models' English vocabulary: **{words}**. They learned "
                         "only the {n:,} words seen at least {k} times in training; every other "
                         "word reaches them as the same `<unk>` token, so its meaning is lost "
                         "and the translation has to guess around it.",
    "rnn.translate.all_unknown": "None of these words is in the models' vocabulary — they "
                                 "learned English only, from short everyday sentences — so the "
                                 "output below is what they make of a row of `<unk>` tokens.",
    "rnn.translate.truncated": "Only the first {n} words are translated.",
    "rnn.translate.longer": "This sentence has {n} words; the longest training sentences have "
                            "{m}. Expect both models to struggle — the plain one first.",
    "rnn.translate.caption": "Greedy decoding: at each step the single most likely French word.",
    "rnn.translate.nothing": "(no words before the end token)",
    # alignment
    "rnn.align.header": "2. Where does the attention model look?",
    "rnn.align.body": "Each row is one French word the model wrote; each column an English word. "
                      "The cell is the attention weight α — how much of that English word went "
                      "into the context for that French word. Every row sums to 1. Try "
                      "*the black cat is sleeping*: French puts the adjective after the noun, "
                      "so the bright cells step off the diagonal.",
    "rnn.align.source": "English (source)",
    "rnn.align.target": "French (output)",
    "rnn.align.weight": "Attention weight α",
    # bottleneck
    "rnn.bottleneck.header": "3. The bottleneck: one vector for the whole sentence",
    "rnn.bottleneck.body": "All the plain decoder ever sees of the English sentence is this "
                           "context vector: the encoder's final state, {d} numbers. It has the "
                           "same size for a 3-word sentence and a 9-word one — the longer the "
                           "sentence, the more has to be squeezed into the same space.",
    "rnn.bottleneck.short": "I am tired.",
    "rnn.bottleneck.long": "She is five years younger than me and my brother.",
    "rnn.bottleneck.yours": "your sentence",
    "rnn.bottleneck.label": "{text} ({n} words)",
    "rnn.bottleneck.dimension": "Dimension of the context vector",
    "rnn.bottleneck.value": "Value",
    "rnn.bottleneck.sentence": "Sentence",
    # BLEU
    "rnn.bleu.header": "4. BLEU by sentence length",
    "rnn.bleu.body": "BLEU compares each translation with every French translation of that "
                     "sentence in the corpus (0–100, higher is better). Measured on {test:,} "
                     "held-out English sentences that are in no training pair.",
    "rnn.bleu.length": "English sentence length (words)",
    "rnn.bleu.bleu": "BLEU",
    "rnn.bleu.sentences": "Test sentences",
    "rnn.bleu.model": "Model",
    "rnn.bleu.exact": "Exact match",
    "rnn.bleu.params": "Parameters",
    "rnn.bleu.steps": "Training steps",
    "rnn.bleu.minutes": "Training time (min, 1 CPU thread)",
    "rnn.bleu.note": "Tatoeba sentences are short (1–9 English words, most of them 3–6), far "
                     "shorter than the news sentences of the paper, so the plain model's "
                     "collapse with length can only begin to show here. The bottleneck lab "
                     "tab shows it on long inputs.",
    "rnn.bleu.paper": "For reference: the paper's numbers",
    "rnn.bleu.paper_caption": "Bahdanau, Cho & Bengio (2015), Table 1: BLEU on WMT'14 "
                              "English→French, all test sentences, models trained on sentences "
                              "of up to 50 words. Different data, vocabulary and compute, so "
                              "compare the gap between the models, not the numbers.",
    "rnn.bleu.paper_model": "Model in the paper",
    "rnn.bleu.ours": "Ours (this page)",
    "rnn.bleu.credit": "Data: {pairs:,} English–French pairs from the Tatoeba Project "
                       "(CC-BY 2.0 FR, via manythings.org/anki); split by English sentence. "
                       "BLEU by sacrebleu: `{signature}`.",
    # step by step
    "rnn.steps.header": "5. Step by step: one French word at a time",
    "rnn.steps.body": "At each step the attention decoder weighs the English words (bars), "
                      "builds its context from them, and picks the most likely next word.",
    "rnn.steps.slider": "Output step",
    "rnn.steps.chosen": "Step {i} of {n}: the model writes **{word}** (probability {p:.0%}).",
    "rnn.steps.candidates": "Runners-up",
    "rnn.steps.word": "French word",
    "rnn.steps.probability": "Probability",
    "rnn.steps.step": "Step",
    # lab
    "rnn.lab.header": "The bottleneck lab: reverse a sequence",
    "rnn.lab.body": "Both models (the same classes, smaller) learn to reverse random sequences "
                    "of letters — *ABC* → *CBA* — of length {lo} to {hi}, trained live on this "
                    "machine on the same batches. To reverse, the plain model must carry the "
                    "whole input in its one context vector; the attention model can look at the "
                    "position it needs. Test sequences are never seen in training.",
    "rnn.lab.task": "Task",
    "rnn.lab.task.reverse": "Reverse",
    "rnn.lab.task.copy": "Copy",
    "rnn.lab.hidden": "Hidden size",
    "rnn.lab.max_length": "Longest sequence",
    "rnn.lab.steps": "Training steps",
    "rnn.lab.button": "Train both models",
    "rnn.lab.press": "Press the button to train both models with these settings. Results are "
                     "kept per setting, so the next visitor sees them at once.",
    "rnn.lab.progress": "Step {step:,} of {total:,} · loss: plain {plain:.3f}, attention "
                        "{attention:.3f}",
    "rnn.lab.busy": "Another training run is using this server right now. Try again in a "
                    "minute — or pick settings someone has already trained.",
    "rnn.lab.done": "Trained in {s:.0f} s on {machine}.",
    "rnn.lab.loss": "Training loss",
    "rnn.lab.step": "Step",
    "rnn.lab.accuracy": "Accuracy on held-out sequences",
    "rnn.lab.length": "Input length",
    "rnn.lab.metric": "Measure",
    "rnn.lab.metric.exact": "whole sequence right",
    "rnn.lab.metric.per_token": "per symbol",
    "rnn.lab.summary": "At length {n}: plain **{p:.0%}**, attention **{a:.0%}** of sequences "
                       "exactly right.",
    "rnn.lab.alignment": "The attention model's alignment for one test sequence of length {n}",
    "rnn.lab.alignment_caption": "For a reversal, output position i should look at input "
                                 "position n − i + 1: the anti-diagonal.",
    "rnn.lab.input": "Input (position, symbol)",
    "rnn.lab.output": "Output (position, symbol)",
    # cost
    "rnn.cost.header": "The cost of being sequential",
    "rnn.cost.body": "An LSTM must take T steps one after the other: step t needs the state of "
                     "step t − 1. A self-attention layer handles all T positions in one pass of "
                     "matrix products — at the price of a T × T matrix of scores. Measured live "
                     "here: the forward time of one LSTM layer and one causal self-attention "
                     "layer of the same width ({d}).",
    "rnn.cost.button": "Measure on this machine",
    "rnn.cost.press": "Press the button to time both layers for T = {lengths} (a few seconds).",
    "rnn.cost.machine": "Measured on: {machine}. Median of {r} runs per length.",
    "rnn.cost.T": "Sequence length T",
    "rnn.cost.ms": "Forward time (ms)",
    "rnn.cost.layer": "Layer",
    "rnn.cost.lstm": "LSTM (T sequential steps)",
    "rnn.cost.attention": "Self-attention (1 parallel step)",
    "rnn.cost.steps_lstm": "Sequential steps, LSTM",
    "rnn.cost.steps_attention": "Sequential steps, attention",
    "rnn.cost.bytes": "Attention matrix per head (KB)",
    "rnn.cost.summary": "At T = {T}: LSTM {l:.1f} ms in {T} sequential steps; self-attention "
                        "{a:.1f} ms in one, holding a {T}×{T} matrix ({kb:,.0f} KB per head).",
    "rnn.cost.note": "On a CPU with few threads the two are close; the attention layer's "
                     "single step is what lets a GPU spread the work over thousands of cores, "
                     "while the LSTM's T steps cannot be spread at all.",
}

KO = {
    "rnn.title": "RNN과 어텐션",
    "rnn.heading": "트랜스포머 이전: 어텐션이 있는 RNN 번역기와 없는 RNN 번역기",
    "rnn.intro": "LSTM 인코더–디코더 두 개가 영어를 프랑스어로 번역합니다. 두 모델은 크기도 "
                 "같고 학습에 들인 예산도 같습니다. 차이는 단 하나입니다. **기본(plain)** "
                 "디코더는 영어 문장을 고정된 크기의 문맥 벡터 하나로만 보고, **어텐션** "
                 "디코더(Bahdanau, Cho & Bengio 2015)는 프랑스어 단어를 하나 쓸 때마다 영어 "
                 "단어 전체를 다시 돌아봅니다. 트랜스포머의 셀프 어텐션이 바로 이 아이디어에서 "
                 "자라났습니다.",
    "rnn.missing": "학습된 번역 모델이 `core/seq2seq/checkpoints/`에 없습니다. "
                   "`python -m core.seq2seq.train --data fra-eng.tsv --model attention --out "
                   "core/seq2seq/checkpoints/attention`으로 학습하세요(`--model plain`도 "
                   "마찬가지입니다).",
    "rnn.tab.translate": "번역과 정렬",
    "rnn.tab.lab": "병목 실험실",
    "rnn.tab.cost": "순차 처리 vs 병렬 처리",
    "rnn.model.plain": "기본 모델 (문맥 벡터만 사용)",
    "rnn.model.attention": "어텐션 모델 (Bahdanau)",
    "rnn.translate.header": "1. 두 모델로 번역해 보기",
    "rnn.translate.input": "영어 문장",
    "rnn.translate.default": "She is five years younger than me.",
    "rnn.translate.suggest": "아니면 평가용으로 떼어 둔 문장을 골라 보세요. 모델이 학습 중에 "
                             "한 번도 보지 못한 문장입니다.",
    "rnn.translate.empty": "먼저 영어 문장을 입력하세요. 모델에는 단어가 하나 이상 필요합니다.",
    "rnn.translate.oov": "모델의 영어 어휘에 없는 단어: **{words}**. 모델은 학습 데이터에 "
                         "{k}번 이상 나온 단어 {n:,}개만 알고 있습니다. 나머지 단어는 모두 같은 "
                         "`<unk>` 토큰으로 들어가기 때문에 뜻이 사라지고, 번역은 그 빈자리를 "
                         "짐작으로 메워야 합니다.",
    "rnn.translate.all_unknown": "입력한 단어 중 모델의 어휘에 있는 단어가 하나도 없습니다. "
                                 "이 모델들은 짧은 일상 영어 문장으로만 배웠기 때문에, 아래 "
                                 "결과는 `<unk>` 토큰만 줄지어 받았을 때 모델이 내놓는 "
                                 "출력입니다.",
    "rnn.translate.truncated": "앞의 {n}단어만 번역합니다.",
    "rnn.translate.longer": "이 문장은 {n}단어입니다. 학습 데이터에서 가장 긴 문장도 {m}단어"
                            "뿐이니, 두 모델 모두 고전할 것입니다. 먼저 무너지는 쪽은 기본 "
                            "모델이겠지요.",
    "rnn.translate.caption": "탐욕적(greedy) 디코딩: 매 단계에서 가장 확률이 높은 프랑스어 "
                             "단어 하나를 고릅니다.",
    "rnn.translate.nothing": "(끝 토큰 전에 나온 단어가 없습니다)",
    "rnn.align.header": "2. 어텐션 모델은 어디를 보고 있을까?",
    "rnn.align.body": "각 행은 모델이 쓴 프랑스어 단어, 각 열은 영어 단어입니다. 칸의 값은 "
                      "어텐션 가중치 α로, 그 프랑스어 단어의 문맥을 만들 때 해당 영어 단어가 "
                      "얼마나 반영되었는지를 나타냅니다. 행마다 합은 1입니다. *the black cat "
                      "is sleeping*을 넣어 보세요. 프랑스어는 형용사를 명사 뒤에 두기 때문에 "
                      "밝은 칸이 대각선에서 벗어납니다.",
    "rnn.align.source": "영어 (입력)",
    "rnn.align.target": "프랑스어 (출력)",
    "rnn.align.weight": "어텐션 가중치 α",
    "rnn.bottleneck.header": "3. 병목: 문장 전체를 벡터 하나에",
    "rnn.bottleneck.body": "기본 디코더가 영어 문장에 대해 볼 수 있는 것은 이 문맥 벡터뿐입니다. "
                           "인코더의 마지막 상태, 숫자 {d}개지요. 세 단어짜리 문장이든 아홉 "
                           "단어짜리 문장이든 크기는 똑같습니다. 문장이 길어질수록 같은 공간에 "
                           "더 많은 내용을 욱여넣어야 합니다.",
    "rnn.bottleneck.short": "I am tired.",
    "rnn.bottleneck.long": "She is five years younger than me and my brother.",
    "rnn.bottleneck.yours": "입력한 문장",
    "rnn.bottleneck.label": "{text} ({n}단어)",
    "rnn.bottleneck.dimension": "문맥 벡터의 차원",
    "rnn.bottleneck.value": "값",
    "rnn.bottleneck.sentence": "문장",
    "rnn.bleu.header": "4. 문장 길이별 BLEU",
    "rnn.bleu.body": "BLEU는 번역 결과를 코퍼스에 있는 그 문장의 프랑스어 번역 전부와 비교한 "
                     "점수입니다(0–100, 높을수록 좋음). 어떤 학습 쌍에도 나오지 않은 영어 문장 "
                     "{test:,}개로 측정했습니다.",
    "rnn.bleu.length": "영어 문장 길이 (단어 수)",
    "rnn.bleu.bleu": "BLEU",
    "rnn.bleu.sentences": "평가 문장 수",
    "rnn.bleu.model": "모델",
    "rnn.bleu.exact": "완전 일치율",
    "rnn.bleu.params": "파라미터 수",
    "rnn.bleu.steps": "학습 스텝",
    "rnn.bleu.minutes": "학습 시간 (분, CPU 스레드 1개)",
    "rnn.bleu.note": "Tatoeba 문장은 짧습니다(영어 1–9단어, 대부분 3–6단어). 논문의 뉴스 "
                     "문장보다 훨씬 짧아서, 길이가 늘수록 기본 모델이 무너지는 현상은 여기서 "
                     "겨우 드러나기 시작할 뿐입니다. 긴 입력에서 어떻게 되는지는 ‘병목 실험실’ "
                     "탭에서 직접 확인할 수 있습니다.",
    "rnn.bleu.paper": "참고: 논문에 보고된 수치",
    "rnn.bleu.paper_caption": "Bahdanau, Cho & Bengio (2015), 표 1: WMT'14 영어→프랑스어 "
                              "전체 평가 문장에 대한 BLEU. 최대 50단어 문장으로 학습한 "
                              "모델입니다. 데이터도, 어휘도, 계산 자원도 다르니 숫자 자체보다 "
                              "두 모델 사이의 격차를 비교하세요.",
    "rnn.bleu.paper_model": "논문의 모델",
    "rnn.bleu.ours": "이 페이지의 모델",
    "rnn.bleu.credit": "데이터: Tatoeba 프로젝트의 영어–프랑스어 문장 쌍 {pairs:,}개 "
                       "(CC-BY 2.0 FR, manythings.org/anki 제공). 영어 문장 단위로 학습/평가를 "
                       "나눴습니다. BLEU는 sacrebleu로 계산: `{signature}`.",
    "rnn.steps.header": "5. 한 단계씩: 프랑스어 단어를 하나씩",
    "rnn.steps.body": "어텐션 디코더는 매 단계 영어 단어들에 가중치를 매기고(막대), 그것으로 "
                      "문맥을 만든 다음, 가장 그럴듯한 다음 단어를 고릅니다.",
    "rnn.steps.slider": "출력 단계",
    "rnn.steps.chosen": "{n}단계 중 {i}단계: 모델은 **{word}**를 씁니다 (확률 {p:.0%}).",
    "rnn.steps.candidates": "다른 후보들",
    "rnn.steps.word": "프랑스어 단어",
    "rnn.steps.probability": "확률",
    "rnn.steps.step": "단계",
    "rnn.lab.header": "병목 실험실: 수열 뒤집기",
    "rnn.lab.body": "두 모델(같은 클래스, 더 작은 크기)이 길이 {lo}–{hi}의 무작위 문자열을 "
                    "뒤집는 법을 배웁니다. *ABC* → *CBA*. 학습은 지금 이 컴퓨터에서 같은 "
                    "배치로 진행됩니다. 뒤집으려면 기본 모델은 입력 전체를 문맥 벡터 하나에 "
                    "담아 가야 하지만, 어텐션 모델은 필요한 위치를 그때그때 들여다볼 수 "
                    "있습니다. 평가용 수열은 학습 중에 한 번도 나오지 않습니다.",
    "rnn.lab.task": "과제",
    "rnn.lab.task.reverse": "뒤집기",
    "rnn.lab.task.copy": "그대로 베끼기",
    "rnn.lab.hidden": "은닉 상태 크기",
    "rnn.lab.max_length": "가장 긴 수열 길이",
    "rnn.lab.steps": "학습 스텝",
    "rnn.lab.button": "두 모델 학습시키기",
    "rnn.lab.press": "버튼을 누르면 이 설정으로 두 모델을 학습합니다. 결과는 설정별로 저장되므로 "
                     "다음 사람은 기다리지 않고 바로 볼 수 있습니다.",
    "rnn.lab.progress": "{total:,}스텝 중 {step:,}스텝 · 손실: 기본 {plain:.3f}, 어텐션 "
                        "{attention:.3f}",
    "rnn.lab.busy": "지금 이 서버에서 다른 학습이 돌고 있습니다. 1분쯤 뒤에 다시 시도하거나, "
                    "이미 누군가 학습해 둔 설정을 골라 보세요.",
    "rnn.lab.done": "{machine}에서 {s:.0f}초 만에 학습했습니다.",
    "rnn.lab.loss": "학습 손실",
    "rnn.lab.step": "스텝",
    "rnn.lab.accuracy": "평가용 수열에 대한 정확도",
    "rnn.lab.length": "입력 길이",
    "rnn.lab.metric": "측정 방식",
    "rnn.lab.metric.exact": "수열 전체가 정확히 일치",
    "rnn.lab.metric.per_token": "기호 하나하나 기준",
    "rnn.lab.summary": "길이 {n}에서 수열을 완벽하게 뒤집은 비율: 기본 모델 **{p:.0%}**, "
                       "어텐션 모델 **{a:.0%}**.",
    "rnn.lab.alignment": "길이 {n}인 평가용 수열 하나에 대한 어텐션 모델의 정렬",
    "rnn.lab.alignment_caption": "뒤집기라면 출력의 i번째 위치는 입력의 n − i + 1번째 위치를 "
                                 "봐야 합니다. 즉 반대각선이 나타나야 합니다.",
    "rnn.lab.input": "입력 (위치, 기호)",
    "rnn.lab.output": "출력 (위치, 기호)",
    "rnn.cost.header": "순차 처리의 대가",
    "rnn.cost.body": "LSTM은 T개의 단계를 하나씩 차례로 밟아야 합니다. t번째 단계가 t − 1번째 "
                     "상태를 필요로 하기 때문이죠. 셀프 어텐션 층은 행렬곱 한 번으로 T개 위치를 "
                     "모두 처리합니다. 대신 T × T 크기의 점수 행렬을 치러야 합니다. 여기서 "
                     "직접 재 봅니다: 같은 폭({d})의 LSTM 층 하나와 인과적(causal) 셀프 "
                     "어텐션 층 하나의 순전파 시간.",
    "rnn.cost.button": "이 컴퓨터에서 측정하기",
    "rnn.cost.press": "버튼을 누르면 T = {lengths}에 대해 두 층의 시간을 잽니다(몇 초 걸립니다).",
    "rnn.cost.machine": "측정 환경: {machine}. 길이마다 {r}번 재서 중앙값을 썼습니다.",
    "rnn.cost.T": "시퀀스 길이 T",
    "rnn.cost.ms": "순전파 시간 (ms)",
    "rnn.cost.layer": "층",
    "rnn.cost.lstm": "LSTM (순차 단계 T번)",
    "rnn.cost.attention": "셀프 어텐션 (병렬 단계 1번)",
    "rnn.cost.steps_lstm": "순차 단계 수, LSTM",
    "rnn.cost.steps_attention": "순차 단계 수, 어텐션",
    "rnn.cost.bytes": "헤드당 어텐션 행렬 (KB)",
    "rnn.cost.summary": "T = {T}일 때: LSTM은 순차 단계 {T}번에 {l:.1f} ms, 셀프 어텐션은 "
                        "한 번에 {a:.1f} ms가 걸렸고, 그 대신 {T}×{T} 행렬(헤드당 "
                        "{kb:,.0f} KB)을 들고 있어야 합니다.",
    "rnn.cost.note": "스레드가 몇 개 안 되는 CPU에서는 둘의 차이가 크지 않습니다. 어텐션 층이 "
                     "단계 하나로 끝난다는 점이 바로 GPU가 수천 개의 코어에 일을 나눠 줄 수 "
                     "있는 이유이고, LSTM의 T단계는 아무리 코어가 많아도 나눌 수 없습니다.",
}
