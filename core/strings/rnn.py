"""RNN vs attention page: LSTM seq2seq translation, alignment, BLEU by length, the bottleneck
lab, and the cost of being sequential."""

EN = {
    "rnn.title": "RNN → attention → Transformer",
    "rnn.heading": "From RNNs to Transformers: three translators, one task",
    "rnn.intro": (
        "Three encoder–decoders translate English into French, trained on the same "
        "sentence pairs, with the same split and word vocabularies: "
        "**plain** — a bidirectional LSTM encoder whose decoder sees the sentence only "
        "through one fixed-size context vector ({plain_params:.2f} M parameters); "
        "**attention** — the same LSTMs plus Bahdanau (additive) attention, so the decoder "
        "looks back at every English word before writing each French word "
        "({attention_params:.2f} M); **Transformer** — no recurrence at all: "
        "self-attention in the encoder, masked self-attention in the decoder and "
        "encoder–decoder (cross-) attention between them ({transformer_params:.2f} M). "
        "Unlike the paper's RNNencdec, both LSTM encoders here read the sentence in both "
        "directions."
    ),
    "rnn.missing": (
        "The trained translators are missing from `core/seq2seq/checkpoints/`. Train them "
        "with `python -m core.seq2seq.train --data fra-eng.tsv --model attention --out "
        "core/seq2seq/checkpoints/attention` (and `--model plain`, `--model transformer`)."
    ),
    "rnn.tab.translate": "Translate & look inside",
    "rnn.tab.lab": "Bottleneck lab",
    "rnn.tab.cost": "Sequential vs parallel",
    "rnn.model.plain": "Plain (context vector only)",
    "rnn.model.attention": "With attention (Bahdanau)",
    # translate
    "rnn.translate.header": "1. Translate with all three",
    "rnn.translate.input": "English sentence",
    "rnn.translate.default": "She is five years younger than me.",
    "rnn.translate.suggest": "Or pick a held-out sentence — one the models never saw in training:",
    "rnn.translate.empty": "Type an English sentence first — the models need at least one word.",
    "rnn.translate.oov": "Not in the models' English vocabulary: **{words}**. They learned "
    "only the {n:,} words seen at least {k} times in training; every other "
    "word reaches them as the same `<unk>` token, so its meaning is lost "
    "and the translation has to guess around it.",
    "rnn.translate.all_unknown": "None of these words is in the models' vocabulary — they "
    "learned English only, from short everyday sentences — so the "
    "output below is what they make of a row of `<unk>` tokens.",
    "rnn.translate.truncated": "Only the first {n} words are translated.",
    "rnn.translate.longer": (
        "This sentence has {n} words; the longest English sentence in the training data "
        "has {m}. Expect all three models to struggle."
    ),
    "rnn.translate.caption": "Greedy decoding: at each step the single most likely French word.",
    "rnn.translate.nothing": "(no words before the end token)",
    # alignment
    "rnn.align.header": "2. Where does the decoder look? Encoder–decoder (cross-) attention",
    "rnn.align.body": (
        "Both attention models let each French word look back at the English words. Each "
        "row is one French word the model wrote, each column an English word; every "
        "row sums to 1. Bahdanau's alignment is exactly this encoder–decoder attention, "
        "computed with an additive score from the LSTM states; the Transformer "
        "computes it with scaled dot products, in several heads and layers. Try "
        "*the black cat is sleeping*: French puts the adjective after the noun."
    ),
    "rnn.align.source": "English (source)",
    "rnn.align.target": "French (output)",
    "rnn.align.weight": "Attention weight α",
    # bottleneck
    "rnn.bottleneck.header": "4. The bottleneck: one vector for the whole sentence",
    "rnn.bottleneck.body": (
        "All the plain decoder ever sees of the English sentence is this context vector: "
        "the encoder's final states, {d} numbers. It has the same size for the "
        "{short}-word sentence and the {long}-word one — the longer the sentence, the "
        "more has to be squeezed into the same space."
    ),
    "rnn.bottleneck.short": "I am tired.",
    "rnn.bottleneck.long": "She is five years younger than me and my brother.",
    "rnn.bottleneck.yours": "your sentence",
    "rnn.bottleneck.label": "{text} ({n} words)",
    "rnn.bottleneck.dimension": "Dimension of the context vector",
    "rnn.bottleneck.value": "Value",
    "rnn.bottleneck.sentence": "Sentence",
    # BLEU
    "rnn.bleu.header": "BLEU by sentence length",
    "rnn.bleu.body": (
        "BLEU compares each translation with every French translation of that sentence "
        "in the corpus (0–100, higher is better), measured on {test:,} held-out English "
        "sentences that are in no training pair — greedy and with beam search ({k} "
        "partial translations)."
    ),
    "rnn.bleu.length": "English sentence length (words)",
    "rnn.bleu.bleu": "BLEU",
    "rnn.bleu.sentences": "Test sentences",
    "rnn.bleu.model": "Model",
    "rnn.bleu.exact": "Exact match",
    "rnn.bleu.params": "Parameters",
    "rnn.bleu.steps": "Training steps",
    "rnn.bleu.minutes": "Training time (min, 1 CPU thread)",
    "rnn.bleu.note": (
        "Tatoeba sentences are short (the longest English sentence in the training "
        "data has {longest} words, most have 3–6), far shorter than the news sentences "
        "of the papers, so a plain model's collapse with length can only begin to show "
        "here. The bottleneck lab shows it on long inputs."
    ),
    "rnn.bleu.paper": "For reference: the paper's numbers",
    "rnn.bleu.paper_caption": (
        "Bahdanau, Cho & Bengio (2015), Table 1, and Vaswani et al. (2017), Table 2: "
        "BLEU on WMT'14 English→French news, with millions of sentence pairs "
        "and far more compute. Different data, vocabulary and budget — compare "
        "the order of the models, not the numbers."
    ),
    "rnn.bleu.paper_model": "Model in the paper",
    "rnn.bleu.credit": "Data: {pairs:,} English–French pairs from the Tatoeba Project "
    "(CC-BY 2.0 FR, via manythings.org/anki); split by English sentence. "
    "BLEU by sacrebleu: `{signature}`.",
    # step by step
    "rnn.steps.header": "7. Step by step: one French word at a time",
    "rnn.steps.body": "At each step the attention decoder weighs the English words (bars), "
    "builds its context from them, and writes the most likely next word "
    "(greedy decoding).",
    "rnn.steps.body_beam": "At each step the attention decoder weighs the English words (bars) and "
    "builds its context from them. The words shown are beam search's: it keeps "
    "the {k} best partial translations at every step, so the word written need "
    "not be the first of this step's runners-up — the table is the step's own "
    "distribution, given the words before it.",
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
    "rnn.lab.progress": "Step {step:,} of {total:,} · loss: plain {plain:.3f}, attention {attention:.3f}",
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
    "rnn.lab.summary": "At length {n}: plain **{p:.0%}**, attention **{a:.0%}** of sequences exactly right.",
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
    "rnn.cost.note": (
        "On a CPU with few threads the two are close. An LSTM step is itself parallel — "
        "over the sentences of a batch and over its hidden units — but the time axis is "
        "not: step t needs step t − 1. The attention layer's single step is what lets a "
        "GPU spread the whole sequence over thousands of cores."
    ),
    "rnn.tab.scores": "Scores & training",
    "rnn.model.transformer": "Transformer",
    "rnn.model.transformer-7500": "Transformer after 7,500 steps (the LSTMs' budget)",
    "rnn.decoding": "Decoding",
    "rnn.decoding.greedy": "Greedy (the most likely word each step)",
    "rnn.decoding.beam": "Beam search (the {k} best partial translations)",
    "rnn.decoding.short.greedy": "greedy",
    "rnn.decoding.short.beam": "beam search",
    "rnn.translate.caption_beam": (
        "Beam search: the {k} best partial translations are kept at every step, and "
        "finished ones are ranked by their mean log-probability per word."
    ),
    "rnn.align.caption": (
        "Left: α from the attention LSTM. Right: one layer of the Transformer's "
        "cross-attention — the mean over its heads, or one head."
    ),
    "rnn.cross.layer": "Layer",
    "rnn.cross.head": "Head",
    "rnn.cross.mean": "mean of the heads",
    "rnn.self.header": "3. Inside the Transformer: self-attention and masked self-attention",
    "rnn.self.body": (
        "The encoder's self-attention lets every English word look at every other one. "
        "The decoder's self-attention looks only back: the word being written may "
        "use the French words before it (and itself), never the ones after — the grey "
        "cells are masked to −∞ before the softmax."
    ),
    "rnn.self.encoder": "Encoder self-attention (English → English)",
    "rnn.self.decoder": "Decoder masked self-attention (French → earlier French)",
    "rnn.self.keys": "Key (what is read)",
    "rnn.self.queries": "Query (what is written)",
    "rnn.self.queries_encoder": "Query (the English word that looks)",
    "rnn.self.caption": (
        "The decoder's rows start at <sos>: the word at row i is the input from which "
        "the model predicted the next French word."
    ),
    "rnn.encoder.header": "5. The bidirectional encoder",
    "rnn.encoder.body": (
        "Both LSTMs read the English sentence twice: left to right and right to left. "
        "The state at word j, h_j, is the two halves side by side ({h} + {h} = {d} "
        "numbers): the forward half has read words 1…j, the backward half words "
        "j…end. The attention decoder reads every h_j; the plain decoder gets only "
        "the last forward state and the first backward state."
    ),
    "rnn.encoder.forward": "forward (left → right)",
    "rnn.encoder.backward": "backward (right → left)",
    "rnn.encoder.caption": "The first {n} of each half's {h} numbers, from the attention model's encoder.",
    "rnn.grad.header": "6. How far does a word reach? Gradients through time",
    "rnn.grad.body": (
        "How much would the loss of the model's own translation change if one English "
        "word's embedding x_j were nudged? Autograd answers for every word at once. The "
        "plain decoder reaches word j only through the LSTM's steps into one context "
        "vector — a long, multiplied path along which gradients can shrink; the attention "
        "decoder also reaches every h_j directly."
    ),
    "rnn.grad.share": "|∂loss/∂x_j| ÷ the sentence's largest",
    "rnn.grad.norm": "|∂loss/∂x_j|",
    "rnn.grad.caption": (
        "For this sentence the weakest word gets {plain:.0%} of the strongest word's "
        "gradient in the plain model and {attention:.0%} in the attention model."
    ),
    "rnn.bleu.greedy": "BLEU (greedy)",
    "rnn.bleu.beam": "BLEU (beam {k})",
    "rnn.bleu.pairs": "Sentence pairs seen",
    "rnn.bleu.per_step": "Seconds per step",
    "rnn.training.header": "Training, measured",
    "rnn.training.minutes": "Wall-clock time (minutes)",
    "rnn.training.caption": (
        "From the checkpoints' cards, one CPU thread each: {plain_s:.2f} s per step "
        "for the plain LSTM, {attention_s:.2f} s for the attention LSTM ({lstm_steps:,} "
        "steps), {transformer_s:.2f} s for the Transformer ({steps:,} steps; its loss "
        "includes label smoothing {smoothing}, so it cannot reach 0). The LSTMs' times "
        "were measured in an earlier session on a faster CPU; a step of each on the "
        "same machine is timed in the Sequential vs parallel tab."
    ),
    "rnn.cost.steps_header": "A real training step: one after another, or all at once",
    "rnn.cost.steps_body": (
        "Training uses teacher forcing: the decoder is given the correct French words "
        "and must predict each next one. The LSTM decoder still has to take them one "
        "step after another; the Transformer's decoder reads all of them in one pass, "
        "and the causal mask (left) keeps each position from seeing the words it must "
        "predict. Measured live: one step (forward, loss, backward) of the shipped "
        "attention LSTM and Transformer, at their sizes, on batches of {b} sentence "
        "pairs."
    ),
    "rnn.cost.mask_caption": "The causal mask: position i may read positions ≤ i (grey: −∞ before the softmax).",
    "rnn.cost.steps_button": "Time a training step of both",
    "rnn.cost.steps_running": "Timing training steps …",
    "rnn.cost.steps_press": "Press the button to time one training step of both for target lengths {lengths}.",
    "rnn.cost.target_T": "Target sentence length T (words)",
    "rnn.cost.step_ms": "One training step (ms)",
    "rnn.cost.steps_summary": (
        "At T = {T}: the attention LSTM's step took {lstm:,.0f} ms ({T} decoder steps "
        "one after another), the Transformer's {transformer:,.0f} ms (one pass). "
        "On one CPU thread both grow with T — the arithmetic grows either way; "
        "what the Transformer gains is that its one pass can be spread over many "
        "cores at once."
    ),
    "rnn.lab.busy_other": (
        "Another visitor's lab run is training on this server ({done:.0%} done). Your settings "
        "can be trained when it finishes."
    ),
    "rnn.lab.failed": "The lab run failed: {error}",
    "rnn.record.lab": "Shown: a recorded run at these settings, trained on {date} on {machine} in {s:.0f} s. "
    "The button trains both models again on this server.",
    "rnn.record.training_steps": "Shown: a recorded timing, measured on {date} on {machine} in {s:.1f} s "
    "(median of {r} runs per length). The button times the steps again on this server.",
    "rnn.record.live": "Shown: the run on this server, in place of the recorded one ({date}, {machine}).",
    "rnn.record.lab.lesson": "Shown: the recorded run the question reads, trained on {date} on {machine} in "
    "{s:.0f} s. To train both models again on this server, open it on its page.",
    "rnn.record.training_steps.lesson": "Shown: the recorded timing the question reads, measured on {date} on "
    "{machine} in {s:.1f} s (median of {r} runs per length). To time the steps on this server, open it on its page.",
    "rnn.encoder.direction": "Direction",
    "rnn.bleu.paper_bleu": "BLEU (WMT'14, in the paper)",
    "rnn.bleu.ours_bleu": "BLEU — this app's model on Tatoeba",
    "rnn.cost.ms_of": "{what} (ms)",
    # gradients through time: what the numbers support, in words
    "rnn.grad.verdict.plain_less_even": "**What the numbers show for this sentence:** the plain model's gradients "
    "are the less even ({plain:.0%} against {attention:.0%}) — its weakest "
    "word reaches the loss least, as the long path through one context "
    "vector predicts.",
    "rnn.grad.verdict.attention_less_even": "**What the numbers show for this sentence:** the other way round — the "
    "attention model's gradients are the less even ({attention:.0%} "
    "against {plain:.0%} for the plain model). Attention lets the decoder "
    "lean hard on a few words, so the others matter less to this "
    "translation, while the plain model's one context vector mixes every "
    "word into each step. On a sentence this short the long path does not "
    "yet shrink anything; the bottleneck lab measures long ones.",
    "rnn.grad.verdict.alike": "**What the numbers show for this sentence:** the two models' gradients are about "
    "as even ({plain:.0%} and {attention:.0%}); on a sentence this short the long path "
    "does not yet shrink anything — the bottleneck lab measures long ones.",
    # the paper's long sentence and set-up, labelled references beside ours
    "rnn.long.paper": "> **Reference — Bahdanau, Cho & Bengio (2015), §5.2.2 (quoted, not run here).** Source: "
    "“This kind of experience is part of Disney's efforts to \"extend the lifetime of its "
    "series and build new relationships with audiences via digital platforms that are "
    'becoming ever more important," he added.” The fixed-vector model (RNNencdec-50) '
    "translates the beginning and then drifts from the meaning after about the middle; "
    "the attention model (RNNsearch-50) translates the whole sentence correctly.",
    "rnn.long.ours": "Ours, on the longest held-out sentences Tatoeba gives ({long} words, against {short}): "
    "BLEU {plain_short:.1f} → {plain_long:.1f} ({plain_drop:+.1f}) with one context vector, "
    "{attention_short:.1f} → {attention_long:.1f} ({attention_drop:+.1f}) with attention, "
    "{transformer_short:.1f} → {transformer_long:.1f} ({transformer_drop:+.1f}) for the "
    "Transformer (greedy, from the cards).",
    "rnn.setup.header": "The set-ups: Bahdanau et al. (2015) beside ours",
    "rnn.setup.col.fact": "What",
    "rnn.setup.col.paper": "Bahdanau et al. 2015 (published, reference)",
    "rnn.setup.col.ours": "Ours (from the cards)",
    "rnn.setup.fact.data": "Training data",
    "rnn.setup.fact.vocab": "Vocabulary",
    "rnn.setup.fact.hidden": "Hidden units",
    "rnn.setup.fact.batch": "Minibatch",
    "rnn.setup.paper.data": "WMT'14 English→French, 348 M words (selected from 850 M)",
    "rnn.setup.paper.vocab": "the 30,000 most frequent words of each language",
    "rnn.setup.paper.hidden": "1,000 (encoder, each direction; decoder)",
    "rnn.setup.paper.batch": "80 sentences",
    "rnn.setup.ours.data": "Tatoeba, {pairs:,} pairs ({train:,} for training)",
    "rnn.setup.ours.vocab": "{src:,} English and {tgt:,} French words (seen at least {k} times)",
    "rnn.setup.ours.hidden": "{h} (LSTMs); the Transformer's width {d}",
    "rnn.setup.ours.batch": "{b} sentence pairs",
    "rnn.setup.caption": "The paper's figures are published (Bahdanau, Cho & Bengio 2015, §4), not measured "
    "here; ours are read from the shipped cards.",
}

KO = {
    "rnn.title": "RNN → 어텐션 → 트랜스포머",
    "rnn.heading": "RNN에서 트랜스포머까지: 번역기 셋, 과제 하나",
    "rnn.intro": (
        "인코더–디코더 세 개가 영어를 프랑스어로 번역합니다. 세 모델 모두 같은 문장 쌍, "
        "같은 학습/평가 분할, 같은 단어 어휘로 학습했습니다. **컨텍스트 벡터 모델**은 양방향 LSTM "
        "인코더를 쓰고, 디코더는 문장을 고정된 크기의 컨텍스트 벡터 하나로만 봅니다(파라미터 "
        "{plain_params:.2f}M개). **어텐션 모델**은 같은 LSTM에 Bahdanau(가산) 어텐션을 더해, "
        "프랑스어 단어를 하나 쓸 때마다 영어 단어 전체를 다시 돌아봅니다({attention_params:.2f}M개). "
        "**트랜스포머**에는 순환 구조가 전혀 없습니다. 인코더에는 셀프 어텐션, 디코더에는 "
        "마스킹된 셀프 어텐션, 둘 사이에는 인코더–디코더(크로스) 어텐션이 있습니다"
        "({transformer_params:.2f}M개). 논문의 RNNencdec와 달리, 여기의 두 LSTM 인코더는 "
        "문장을 양쪽 방향으로 모두 읽습니다."
    ),
    "rnn.missing": (
        "학습된 번역기가 `core/seq2seq/checkpoints/`에 없습니다. `python -m core.seq2seq.train "
        "--data fra-eng.tsv --model attention --out core/seq2seq/checkpoints/attention` 명령으로 "
        "학습하세요(`--model plain`, `--model transformer`도 마찬가지입니다)."
    ),
    "rnn.tab.translate": "번역하고 속 들여다보기",
    "rnn.tab.lab": "병목 실험실",
    "rnn.tab.cost": "순차 처리 vs 병렬 처리",
    "rnn.model.plain": "컨텍스트 벡터 모델 (어텐션 없음)",
    "rnn.model.attention": "어텐션 모델 (Bahdanau)",
    "rnn.translate.header": "1. 세 모델로 번역해 보기",
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
    "rnn.translate.longer": (
        "이 문장은 {n}단어입니다. 학습 데이터에서 가장 긴 영어 문장도 {m}단어이므로 세 모델 모두 고전할 것입니다."
    ),
    "rnn.translate.caption": "그리디 디코딩: 매 단계에서 가장 확률이 높은 프랑스어 단어 하나를 고릅니다.",
    "rnn.translate.nothing": "(끝 토큰 전에 나온 단어가 없습니다)",
    "rnn.align.header": "2. 디코더는 어디를 볼까? 인코더–디코더(크로스) 어텐션",
    "rnn.align.body": (
        "두 어텐션 모델은 프랑스어 단어를 쓸 때마다 영어 단어들을 다시 돌아봅니다. 각 행은 "
        "모델이 쓴 프랑스어 단어, 각 열은 영어 단어이고, 행마다 합은 1입니다. Bahdanau의 "
        "정렬이 바로 이 인코더–디코더 어텐션이며, LSTM 상태로부터 가산 방식의 어텐션 "
        "스코어를 계산합니다. 트랜스포머는 같은 일을 스케일링된 내적(scaled dot product)으로, "
        "여러 헤드와 층에서 합니다. *the black cat is sleeping*을 넣어 보세요. 프랑스어는 "
        "형용사를 명사 뒤에 둡니다."
    ),
    "rnn.align.source": "영어 (입력)",
    "rnn.align.target": "프랑스어 (출력)",
    "rnn.align.weight": "어텐션 가중치 α",
    "rnn.bottleneck.header": "4. 병목: 문장 전체를 벡터 하나에",
    "rnn.bottleneck.body": (
        "컨텍스트 벡터 모델의 디코더가 영어 문장에 대해 볼 수 있는 것은 "
        "이 컨텍스트 벡터뿐입니다. 이 벡터는 인코더의 마지막 상태로, 숫자 {d}개입니다. "
        "{short}단어짜리 문장이든 {long}단어짜리 문장이든 크기는 똑같습니다. "
        "문장이 길어질수록 같은 공간에 더 많은 내용을 욱여넣어야 합니다."
    ),
    "rnn.bottleneck.short": "I am tired.",
    "rnn.bottleneck.long": "She is five years younger than me and my brother.",
    "rnn.bottleneck.yours": "입력한 문장",
    "rnn.bottleneck.label": "{text} ({n}단어)",
    "rnn.bottleneck.dimension": "컨텍스트 벡터의 차원",
    "rnn.bottleneck.value": "값",
    "rnn.bottleneck.sentence": "문장",
    "rnn.bleu.header": "문장 길이별 BLEU",
    "rnn.bleu.body": (
        "BLEU는 번역 결과를 코퍼스에 있는 그 문장의 프랑스어 번역 전부와 비교한 점수입니다"
        "(0–100, 높을수록 좋음). 어떤 학습 쌍에도 나오지 않은 영어 문장 {test:,}개로, "
        "그리디 디코딩과 빔 서치(부분 번역 {k}개) 두 가지 방식으로 측정했습니다."
    ),
    "rnn.bleu.length": "영어 문장 길이 (단어 수)",
    "rnn.bleu.bleu": "BLEU",
    "rnn.bleu.sentences": "평가 문장 수",
    "rnn.bleu.model": "모델",
    "rnn.bleu.exact": "완전 일치율",
    "rnn.bleu.params": "파라미터 수",
    "rnn.bleu.steps": "학습 스텝",
    "rnn.bleu.minutes": "학습 시간 (분, CPU 스레드 1개)",
    "rnn.bleu.note": (
        "Tatoeba 문장은 짧습니다(학습 데이터에서 가장 긴 영어 문장이 {longest}단어이고, 대부분 "
        "3–6단어입니다). 논문의 뉴스 문장보다 훨씬 짧아서, 문장이 길어질수록 컨텍스트 벡터 모델이 "
        "무너지는 현상은 여기서 겨우 드러나기 시작할 뿐입니다. 긴 입력에서 어떻게 되는지는 "
        "‘병목 실험실’ 탭에서 확인할 수 있습니다."
    ),
    "rnn.bleu.paper": "참고: 논문에 보고된 수치",
    "rnn.bleu.paper_caption": (
        "Bahdanau, Cho & Bengio (2015) 표 1과 Vaswani 외 (2017) 표 2: WMT'14 "
        "영어→프랑스어 뉴스 문장에 대한 BLEU로, 수백만 개의 문장 쌍과 훨씬 큰 계산 "
        "자원을 썼습니다. 데이터도, 어휘도, 예산도 다르니 숫자 자체보다 모델 사이의 "
        "순서를 비교하세요."
    ),
    "rnn.bleu.paper_model": "논문의 모델",
    "rnn.bleu.credit": "데이터: Tatoeba 프로젝트의 영어–프랑스어 문장 쌍 {pairs:,}개 "
    "(CC-BY 2.0 FR, manythings.org/anki 제공). 영어 문장 단위로 학습/평가를 "
    "나눴습니다. BLEU는 sacrebleu로 계산했습니다: `{signature}`.",
    "rnn.steps.header": "7. 한 단계씩: 프랑스어 단어를 하나씩",
    "rnn.steps.body": "어텐션 디코더는 매 단계 영어 단어들에 가중치를 매기고(막대), 그 가중치로 "
    "컨텍스트 벡터를 만든 다음, 가장 그럴듯한 다음 단어를 씁니다(그리디 디코딩).",
    "rnn.steps.body_beam": "어텐션 디코더는 매 단계 영어 단어들에 가중치를 매기고(막대), 그 가중치로 "
    "컨텍스트 벡터를 만듭니다. 여기 보이는 단어는 빔 서치가 고른 것입니다. 빔 서치는 "
    "매 단계 가장 좋은 부분 번역 {k}개를 남기므로, 쓰인 단어가 이 단계의 후보 표에서 "
    "1위가 아닐 수도 있습니다. 표는 앞 단어들이 주어졌을 때 이 단계의 분포입니다.",
    "rnn.steps.slider": "출력 단계",
    "rnn.steps.chosen": "{n}단계 중 {i}단계: 모델은 **{word}**을(를) 씁니다(확률 {p:.0%}).",
    "rnn.steps.candidates": "다른 후보들",
    "rnn.steps.word": "프랑스어 단어",
    "rnn.steps.probability": "확률",
    "rnn.steps.step": "단계",
    "rnn.lab.header": "병목 실험실: 문자열 뒤집기",
    "rnn.lab.body": "두 모델(같은 클래스, 더 작은 크기)이 길이 {lo}–{hi}의 무작위 문자열을 "
    "뒤집는 법을 배웁니다(*ABC* → *CBA*). 학습은 지금 이 컴퓨터에서 같은 "
    "배치로 진행됩니다. 뒤집으려면 컨텍스트 벡터 모델은 입력 전체를 컨텍스트 벡터 하나에 "
    "담아 가야 하지만, 어텐션 모델은 필요한 위치를 그때그때 들여다볼 수 "
    "있습니다. 평가용 문자열은 학습 중에 한 번도 나오지 않습니다.",
    "rnn.lab.task": "과제",
    "rnn.lab.task.reverse": "뒤집기",
    "rnn.lab.task.copy": "그대로 베끼기",
    "rnn.lab.hidden": "은닉 상태 크기",
    "rnn.lab.max_length": "가장 긴 문자열 길이",
    "rnn.lab.steps": "학습 스텝",
    "rnn.lab.button": "두 모델 학습시키기",
    "rnn.lab.press": "버튼을 누르면 이 설정으로 두 모델을 학습합니다. 결과는 설정별로 저장되므로 "
    "다음 사람은 기다리지 않고 바로 볼 수 있습니다.",
    "rnn.lab.progress": "{total:,}스텝 중 {step:,}스텝 · 손실: 컨텍스트 벡터 모델 {plain:.3f}, 어텐션 모델 "
    "{attention:.3f}",
    "rnn.lab.busy": "지금 이 서버에서 다른 학습이 돌고 있습니다. 1분쯤 뒤에 다시 시도하거나, "
    "이미 누군가 학습해 둔 설정을 골라 보세요.",
    "rnn.lab.done": "{machine}에서 {s:.0f}초 만에 학습했습니다.",
    "rnn.lab.loss": "학습 손실",
    "rnn.lab.step": "스텝",
    "rnn.lab.accuracy": "평가용 문자열에 대한 정확도",
    "rnn.lab.length": "입력 길이",
    "rnn.lab.metric": "측정 방식",
    "rnn.lab.metric.exact": "문자열 전체가 정확히 일치",
    "rnn.lab.metric.per_token": "기호 하나하나 기준",
    "rnn.lab.summary": "길이 {n}에서 문자열 전체를 정확히 맞힌 비율: 컨텍스트 벡터 모델 **{p:.0%}**, "
    "어텐션 모델 **{a:.0%}**.",
    "rnn.lab.alignment": "길이 {n}인 평가용 문자열 하나에 대한 어텐션 모델의 정렬",
    "rnn.lab.alignment_caption": "뒤집기라면 출력의 i번째 위치는 입력의 n − i + 1번째 위치를 "
    "봐야 합니다. 즉 반대각선이 나타나야 합니다.",
    "rnn.lab.input": "입력 (위치, 기호)",
    "rnn.lab.output": "출력 (위치, 기호)",
    "rnn.cost.header": "순차 처리의 대가",
    "rnn.cost.body": "LSTM은 T개의 단계를 하나씩 차례로 밟아야 합니다. t번째 단계에 t − 1번째 "
    "단계의 상태가 필요하기 때문입니다. 셀프 어텐션 층은 행렬곱 한 번으로 T개 "
    "위치를 모두 처리하는 대신, T × T 크기의 스코어 행렬을 만들어야 합니다. "
    "여기서 직접 재 봅니다: 같은 너비({d})의 LSTM 층 하나와 인과적(causal) 셀프 "
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
    "rnn.cost.summary": "T = {T}일 때: LSTM은 순차 단계 {T}번에 {l:.1f} ms가 걸렸고, 셀프 "
    "어텐션은 한 번에 {a:.1f} ms가 걸렸습니다. 대신 셀프 어텐션은 "
    "{T}×{T} 행렬(헤드당 {kb:,.0f} KB)을 메모리에 저장해야 합니다.",
    "rnn.cost.note": (
        "스레드가 몇 개 안 되는 CPU에서는 둘의 차이가 크지 않습니다. LSTM의 한 단계도 배치 "
        "안의 문장들과 은닉 유닛들에 걸쳐서는 병렬로 계산됩니다. 하지만 시간 축은 그렇지 "
        "않습니다. t번째 단계는 t − 1번째 단계가 끝나야 시작할 수 있습니다. 어텐션 층은 "
        "한 단계로 끝나기 때문에 GPU가 시퀀스 전체를 수천 개의 코어에 나눠 줄 수 "
        "있습니다."
    ),
    "rnn.tab.scores": "점수와 학습 과정",
    "rnn.model.transformer": "트랜스포머",
    "rnn.model.transformer-7500": "7,500스텝 시점의 트랜스포머 (LSTM과 같은 예산)",
    "rnn.decoding": "디코딩 방식",
    "rnn.decoding.greedy": "그리디 디코딩 (매 단계 가장 확률이 높은 단어)",
    "rnn.decoding.beam": "빔 서치 (가장 좋은 부분 번역 {k}개 유지)",
    "rnn.decoding.short.greedy": "그리디 디코딩",
    "rnn.decoding.short.beam": "빔 서치",
    "rnn.translate.caption_beam": (
        "빔 서치: 매 단계 가장 좋은 부분 번역 {k}개를 남겨 두고, 끝난 번역은 단어당 평균 로그 확률로 순위를 매깁니다."
    ),
    "rnn.align.caption": (
        "왼쪽: 어텐션 LSTM의 α. 오른쪽: 트랜스포머의 크로스 어텐션 한 층 — 헤드들의 평균, 또는 헤드 하나."
    ),
    "rnn.cross.layer": "층",
    "rnn.cross.head": "헤드",
    "rnn.cross.mean": "헤드 평균",
    "rnn.self.header": "3. 트랜스포머 안: 셀프 어텐션과 마스킹된 셀프 어텐션",
    "rnn.self.body": (
        "인코더의 셀프 어텐션에서는 영어 단어마다 다른 모든 단어를 볼 수 있습니다. 디코더의 "
        "셀프 어텐션은 앞쪽만 돌아봅니다. 지금 생성하는 단어는 자기 자신과 그 앞의 프랑스어 "
        "단어만 참고할 수 있고, 뒤의 단어는 볼 수 없습니다. 회색 칸은 소프트맥스 전에 "
        "−∞로 마스킹됩니다."
    ),
    "rnn.self.encoder": "인코더 셀프 어텐션 (영어 → 영어)",
    "rnn.self.decoder": "디코더의 마스킹된 셀프 어텐션 (프랑스어 → 앞선 프랑스어)",
    "rnn.self.keys": "Key (읽히는 쪽)",
    "rnn.self.queries": "Query (생성 중인 쪽)",
    "rnn.self.queries_encoder": "Query (살펴보는 영어 단어)",
    "rnn.self.caption": (
        "디코더의 행은 <sos>에서 시작합니다. i번째 행의 단어는 모델이 다음 프랑스어 단어를 "
        "예측할 때 입력으로 받은 단어입니다."
    ),
    "rnn.encoder.header": "5. 양방향 인코더",
    "rnn.encoder.body": (
        "두 LSTM 모두 영어 문장을 왼쪽에서 오른쪽으로 한 번, 오른쪽에서 왼쪽으로 한 번, "
        "모두 두 번 읽습니다. j번째 단어의 상태 h_j는 정방향 상태와 역방향 상태를 나란히 "
        "이어 붙인 것입니다({h} + {h} = {d}개). 정방향 상태는 1…j번째 단어를, 역방향 상태는 "
        "j번째부터 끝까지의 단어를 읽은 것입니다. 어텐션 디코더는 모든 h_j를 읽고, 컨텍스트 "
        "벡터 모델의 디코더는 정방향의 "
        "마지막 상태와 역방향의 첫 상태만 받습니다."
    ),
    "rnn.encoder.forward": "정방향 (왼쪽 → 오른쪽)",
    "rnn.encoder.backward": "역방향 (오른쪽 → 왼쪽)",
    "rnn.encoder.caption": "어텐션 모델의 인코더에서 정방향·역방향 상태 각각의 숫자 {h}개 가운데 앞의 {n}개입니다.",
    "rnn.grad.header": "6. 단어는 얼마나 멀리까지 닿을까? 시간을 거슬러 흐르는 기울기",
    "rnn.grad.body": (
        "영어 단어 하나의 임베딩 x_j를 살짝 바꾸면 모델이 낸 번역의 손실이 얼마나 변하는지, "
        "자동 미분으로 모든 단어에 대해 한꺼번에 구할 수 있습니다. 컨텍스트 벡터 모델의 디코더는 LSTM의 "
        "단계들을 거쳐 컨텍스트 벡터 하나를 통해서만 j번째 단어에 닿습니다. 곱셈이 길게 "
        "이어지는 경로라서 기울기가 줄어들기 쉽습니다. 어텐션 디코더에는 모든 h_j에 직접 "
        "닿는 길도 있습니다."
    ),
    "rnn.grad.share": "|∂손실/∂x_j| ÷ 문장 안에서 가장 큰 값",
    "rnn.grad.norm": "|∂손실/∂x_j|",
    "rnn.grad.caption": (
        "이 문장에서 기울기가 가장 약한 단어가 받는 기울기는 가장 강한 단어의 "
        "{plain:.0%}(컨텍스트 벡터 모델), {attention:.0%}(어텐션 모델)입니다."
    ),
    "rnn.bleu.greedy": "BLEU (그리디 디코딩)",
    "rnn.bleu.beam": "BLEU (빔 {k})",
    "rnn.bleu.pairs": "학습에 쓴 문장 쌍",
    "rnn.bleu.per_step": "스텝당 초",
    "rnn.training.header": "학습 과정, 직접 잰 값",
    "rnn.training.minutes": "실제 경과 시간 (분)",
    "rnn.training.caption": (
        "체크포인트 카드에 기록된 값으로, 모두 CPU 스레드 1개에서 쟀습니다. 스텝당 컨텍스트 "
        "벡터 모델 {plain_s:.2f}초, 어텐션 LSTM {attention_s:.2f}초({lstm_steps:,}스텝), "
        "트랜스포머 {transformer_s:.2f}초({steps:,}스텝)입니다. 트랜스포머의 손실에는 "
        "레이블 스무딩 {smoothing}이(가) 들어 있어 0까지 내려갈 수 없습니다. LSTM의 "
        "시간은 이전 세션에서 더 빠른 CPU로 잰 것이므로, 같은 컴퓨터에서 두 모델의 한 "
        "스텝을 잰 값은 ‘순차 처리 vs 병렬 처리’ 탭에서 확인하세요."
    ),
    "rnn.cost.steps_header": "실제 학습 스텝: 하나씩 차례로, 또는 한꺼번에",
    "rnn.cost.steps_body": (
        "학습은 교사 강요(teacher forcing)로 합니다. 디코더에 정답 프랑스어 단어를 주고 "
        "매번 다음 단어를 예측하게 하는 방식입니다. 그래도 LSTM 디코더는 그 단어들을 한 "
        "단계씩 차례로 처리해야 합니다. 트랜스포머의 디코더는 한 번에 모두 읽고, 인과 "
        "마스크(왼쪽)가 각 위치에서 예측해야 할 단어를 가립니다. 지금 이 컴퓨터에서 "
        "잽니다: 배포된 어텐션 LSTM과 트랜스포머를 원래 크기 그대로, 문장 쌍 {b}개짜리 "
        "배치에서 한 스텝(순전파, 손실, 역전파)씩."
    ),
    "rnn.cost.mask_caption": "인과 마스크: i번째 위치는 i 이하의 위치만 읽을 수 있습니다(회색: 소프트맥스 전에 −∞).",
    "rnn.cost.steps_button": "두 모델의 학습 스텝 재기",
    "rnn.cost.steps_running": "학습 스텝을 재는 중…",
    "rnn.cost.steps_press": "버튼을 누르면 목표 문장 길이 {lengths}에 대해 두 모델의 학습 스텝 하나를 잽니다.",
    "rnn.cost.target_T": "목표 문장 길이 T (단어)",
    "rnn.cost.step_ms": "학습 스텝 하나 (ms)",
    "rnn.cost.steps_summary": (
        "T = {T}일 때: 어텐션 LSTM의 스텝은 {lstm:,.0f} ms(디코더 단계 {T}번을 차례로), "
        "트랜스포머의 스텝은 {transformer:,.0f} ms(한 번에)가 걸렸습니다. CPU 스레드 "
        "하나에서는 둘 다 T에 따라 늘어납니다. 계산량은 어느 쪽이든 늘어나기 "
        "때문입니다. 트랜스포머가 얻는 이점은 그 한 번의 처리를 여러 코어에 동시에 "
        "나눠 줄 수 있다는 데 있습니다."
    ),
    "rnn.lab.busy_other": (
        "다른 사용자의 실험이 지금 이 서버에서 학습 중입니다({done:.0%} 진행). 그 실험이 끝나면 "
        "이 설정으로 학습할 수 있습니다."
    ),
    "rnn.lab.failed": "실험이 실패했습니다: {error}",
    "rnn.record.lab": "지금 보이는 것은 이 설정으로 기록해 둔 실행입니다. {date}에 {machine}에서 {s:.0f}초 동안 "
    "학습했습니다. 이 서버에서 두 모델을 다시 학습하려면 버튼을 누르세요.",
    "rnn.record.training_steps": "지금 보이는 것은 기록해 둔 측정입니다. {date}에 {machine}에서 {s:.1f}초 동안 "
    "쟀습니다(길이마다 {r}번 재서 중앙값을 썼습니다). 이 서버에서 다시 재려면 버튼을 누르세요.",
    "rnn.record.live": "지금 보이는 것은 이 서버에서 돌린 실행으로, 기록해 둔 실행({date}, {machine}) 대신 "
    "보여 줍니다.",
    "rnn.record.lab.lesson": "지금 보이는 것은 질문이 읽은 기록된 실행입니다. {date}에 {machine}에서 {s:.0f}초 동안 "
    "학습했습니다. 이 서버에서 두 모델을 다시 학습하려면 전체 페이지에서 여세요.",
    "rnn.record.training_steps.lesson": "지금 보이는 것은 질문이 읽은 기록된 측정입니다. {date}에 {machine}에서 "
    "{s:.1f}초 동안 쟀습니다(길이마다 {r}번 재서 중앙값을 썼습니다). 이 서버에서 다시 재려면 전체 페이지에서 여세요.",
    "rnn.encoder.direction": "방향",
    "rnn.bleu.paper_bleu": "BLEU (WMT'14, 논문 수치)",
    "rnn.bleu.ours_bleu": "BLEU — 이 앱의 모델, Tatoeba",
    "rnn.cost.ms_of": "{what} (ms)",
    "rnn.grad.verdict.plain_less_even": "**이 문장에서 숫자가 보여 주는 것:** 컨텍스트 벡터 모델의 기울기가 더 "
    "고르지 않습니다({plain:.0%}, 어텐션 모델은 {attention:.0%}). 가장 약한 "
    "단어가 손실에 가장 적게 닿습니다. 컨텍스트 벡터 하나를 거치는 긴 경로에서 "
    "예상되는 결과입니다.",
    "rnn.grad.verdict.attention_less_even": "**이 문장에서 숫자가 보여 주는 것:** 반대입니다. 어텐션 모델의 기울기가 "
    "더 고르지 않습니다({attention:.0%}, 컨텍스트 벡터 모델은 "
    "{plain:.0%}). 어텐션을 쓰면 디코더가 몇몇 단어에 크게 기댈 수 있어서 "
    "나머지 단어는 이 번역에 덜 중요해집니다. 컨텍스트 벡터 모델은 벡터 "
    "하나에 모든 단어를 섞어 매 단계에 넣습니다. 이만큼 짧은 문장에서는 "
    "긴 경로가 아직 기울기를 줄이지 않습니다. 긴 시퀀스는 ‘병목 실험실’ "
    "탭에서 재 보세요.",
    "rnn.grad.verdict.alike": "**이 문장에서 숫자가 보여 주는 것:** 두 모델의 기울기가 비슷하게 고릅니다"
    "({plain:.0%}, {attention:.0%}). 이만큼 짧은 문장에서는 긴 경로가 아직 기울기를 "
    "줄이지 않습니다. 긴 시퀀스는 ‘병목 실험실’ 탭에서 재 보세요.",
    "rnn.long.paper": "> **참고 — Bahdanau, Cho & Bengio (2015), 5.2.2절(인용, 여기서 실행한 것이 아님).** 원문: "
    "“This kind of experience is part of Disney's efforts to \"extend the lifetime of its "
    "series and build new relationships with audiences via digital platforms that are "
    'becoming ever more important," he added.” 고정 길이 벡터 모델(RNNencdec-50)은 문장 앞쪽을 '
    "번역한 뒤 중간쯤부터 뜻이 어긋나고, 어텐션 모델(RNNsearch-50)은 문장 전체를 바르게 "
    "번역합니다.",
    "rnn.long.ours": "이 앱의 번역기는 Tatoeba가 주는 가장 긴 평가 문장({long}단어, 짧은 문장은 {short}단어)에서 "
    "BLEU가 컨텍스트 벡터 모델 {plain_short:.1f} → {plain_long:.1f}({plain_drop:+.1f}), 어텐션 "
    "LSTM {attention_short:.1f} → {attention_long:.1f}({attention_drop:+.1f}), 트랜스포머 "
    "{transformer_short:.1f} → {transformer_long:.1f}({transformer_drop:+.1f})입니다(그리디 "
    "디코딩, 모델 카드 값).",
    "rnn.setup.header": "실험 설정: Bahdanau 외 (2015)와 이 앱의 번역기",
    "rnn.setup.col.fact": "항목",
    "rnn.setup.col.paper": "Bahdanau 외 2015 (발표된 값, 참고)",
    "rnn.setup.col.ours": "이 앱 (모델 카드 값)",
    "rnn.setup.fact.data": "학습 데이터",
    "rnn.setup.fact.vocab": "어휘",
    "rnn.setup.fact.hidden": "은닉 유닛",
    "rnn.setup.fact.batch": "미니배치",
    "rnn.setup.paper.data": "WMT'14 영어→프랑스어, 3억 4,800만 단어(8억 5,000만 단어에서 선별)",
    "rnn.setup.paper.vocab": "언어마다 가장 많이 쓰이는 단어 30,000개",
    "rnn.setup.paper.hidden": "1,000개(인코더는 방향마다, 디코더)",
    "rnn.setup.paper.batch": "문장 80개",
    "rnn.setup.ours.data": "Tatoeba, 문장 쌍 {pairs:,}개(학습에 {train:,}개)",
    "rnn.setup.ours.vocab": "영어 {src:,}개, 프랑스어 {tgt:,}개 단어({k}번 이상 나온 단어)",
    "rnn.setup.ours.hidden": "{h}개(LSTM), 트랜스포머 너비 {d}",
    "rnn.setup.ours.batch": "문장 쌍 {b}개",
    "rnn.setup.caption": "논문의 값은 발표된 값(Bahdanau, Cho & Bengio 2015, 4절)이며 여기서 잰 것이 아닙니다. "
    "이 앱의 값은 함께 제공하는 모델 카드에서 읽습니다.",
}
