"""Inside one block: the two residual equations, the residual stream, the norm, the MLP,
single units, direct logit attribution, dropout."""

EN = {
    "block.title": "Inside one block",
    "block.heading": "Inside one block: norm, MLP and the residual stream",
    "block.intro": "Attention is only half of a Transformer block. The other half is an MLP that "
    "works on every token on its own, two normalisations that keep the numbers in "
    "range, and residual connections that add each part's result to what was "
    "already there. Every number below is recomputed from the loaded model's own "
    "weights and checked against the model's own modules.",
    "block.equations": "1. The block in two lines",
    "block.equations_text_sequential": "Each of the {n} blocks is two residual equations. The norm comes "
    "first, inside each branch (pre-norm, as in GPT-2 and Llama; the 2017 "
    "paper normalised after the addition); here it is **{norm}**.",
    "block.equations_text_parallel": "Each of the {n} blocks adds attention and the MLP to the "
    "stream *side by side*: both read the same input x (a "
    "parallel residual, as in GPT-NeoX and Pythia), so the MLP "
    "does not see what attention just wrote. The norm comes "
    "first, right before each sublayer (pre-norm); here it is "
    "**{norm}**.",
    "block.equations_text_parallel_shared": "Each of the {n} blocks adds attention and the MLP to the "
    "stream *side by side*, and both read the same normed "
    "input: **one** {norm} serves both (a parallel residual "
    "with a shared norm, as in GPT-J), so the MLP does not see "
    "what attention just wrote.",
    "block.attribution_post_norm": "This model normalises *after* each residual addition (post-norm): "
    "every {norm} rescales the whole stream, so the logit does not split "
    "into one share per part, and direct logit attribution does not apply.",
    "block.equations_text_post": "Each of the {n} blocks is two residual equations with the norm "
    "*after* the addition (post-norm, as in the 2017 paper): attention "
    "reads the stream itself, and {norm} normalises the sum before the "
    "MLP reads it; the block's output is normed again.",
    "block.check": "Block {layer} recomputed from its weights, wired as this model wires it: its "
    "output differs from the model's own hidden state after the block by at most "
    "{d:.1e}, over every token.",
    "block.params_attention": "Attention parameters per block",
    "block.params_mlp": "MLP parameters per block",
    "block.params_norms": "Norm parameters per block",
    "block.share": "{p:.0%} of the block",
    "block.params_caption": "{blocks} blocks hold {total:,.1f} M of the model's {all:,.1f} M "
    "parameters; the MLP has {mlp:.1f}× as many as attention.",
    "block.prompt": "Prompt",
    "block.layer": "Block (layer)",
    "block.token": "Token",
    "block.stream": "2. The residual stream through the depth",
    "block.stream_text": "Each block reads the stream, computes something, and *adds* it: nothing "
    "is replaced. Bars: how large a vector attention and the MLP wrote into "
    "the stream at each block, for the chosen token; line: how large the "
    "stream is after the block.",
    "block.stream_caption": "Cosine between a block's input and its output: {lo:.3f} to {hi:.3f}. "
    "The stream grew from |x| = {start:,.2f} after the embedding to "
    "{end:,.2f} after the last block.",
    "block.part.stream": "stream after the block",
    "block.part.attention": "attention wrote",
    "block.part.mlp": "MLP wrote",
    "block.norm": "3. {norm}, step by step",
    "block.norm_post_input": "This model normalises after each sublayer (post-norm): the norm below reads "
    "x + Attn(x), block {layer}'s input with attention's output added.",
    "block.norm_layer": "The token “{token}” enters block {layer} as {d} numbers. LayerNorm takes "
    "their mean and standard deviation, subtracts the mean, divides by the "
    "standard deviation, then scales each dimension by γ and shifts it by β — "
    "both learned.",
    "block.norm_rms": "The token “{token}” enters block {layer} as {d} numbers. RMSNorm divides "
    "them by their root mean square and scales each dimension by a learned γ. "
    "It does not subtract the mean, and has no β.",
    "block.mean": "Mean μ",
    "block.std": "Standard deviation √(σ² + ε)",
    "block.rms": "Root mean square",
    "block.largest": "Largest |x_i|",
    "block.diff": "Max |ours − the model's|",
    "block.diff_help": "The formula above, by hand, against the model's own norm module.",
    "block.stage.input": "1. the token's numbers x",
    "block.stage.normalized": "2. normalised",
    "block.stage.output": "3. × γ (+ β): what attention reads",
    "block.outliers": "The {n} largest numbers of this vector, by dimension — the model's own "
    "outlier dimensions, if it has any, show up here.",
    "block.mlp": "4. The MLP, step by step",
    "block.mlp_plain": "Every token goes through the same two-layer network on its own: {d} → "
    "{m} ({r:.0f}× wider) → {act} → back to {d}. The original Transformer used "
    "ReLU here; GPT-2 uses GELU, which lets small negative values through.",
    "block.mlp_gated": "Every token goes through the same network on its own: {d} → {m} "
    "({r:.2f}× wider) twice, a *gate* through {act} multiplied by an *up* "
    "projection, then back to {d}. This gated form replaces the original "
    "paper's ReLU(W₁x)W₂.",
    "block.width": "Width",
    "block.ratio": "{r:.2f}× wider in the middle",
    "block.fire": "Units that fire (pre-activation > 0)",
    "block.fire_help": "For this token, the share of the hidden units whose input to the activation is positive.",
    "block.mlp_diff_help": "Our step-by-step MLP at the last token against the MLP output the "
    "model itself produced in the forward pass (recorded, not recomputed).",
    "block.relu": "ReLU (2017 paper)",
    "block.curve_title": "{act}, with “{token}”'s hidden units on it",
    "block.curve_caption": "Red points: the {n} hidden units of this token, at their "
    "pre-activation (clipped to the plot: {outside} lie outside it).",
    "block.curve_caption_gated": "Red points: the {n} gate units of this token on the SiLU curve "
    "(clipped to the plot: {outside} lie outside it); each is then "
    "multiplied by its partner in the up projection.",
    "block.units": "5. What a unit writes",
    "block.units_text": "A hidden unit's output is one fixed direction in the stream, scaled by "
    "how active the unit is. Sent through the unembedding, that direction "
    "raises some tokens' logits and lowers others'. The most active units of "
    "block {layer} for “{token}”:",
    "block.unit": "Unit",
    "block.unit_caption": "Unit {unit}, activation {a:+.3f}: the logit change its output "
    "(activation × its row of W_out, through W_U) gives each of these "
    "tokens, largest first.",
    "block.attribution": "6. Who wrote the prediction?",
    "block.attribution_text": "The model's top next token is “{token}”. Its logit is W_U · "
    "{norm}(x), and x is a sum: the embedding plus everything every "
    "attention and every MLP added. With the final norm's scale frozen "
    "at its value here, the logit splits exactly into one share per "
    "part (direct logit attribution).",
    "block.sum_parts": "Sum of the parts",
    "block.bias": "Norm's β (and bias)",
    "block.logit": "The model's logit",
    "block.sum_delta": "parts + β − logit = {d:+.1e}",
    "block.attribution_caption": "The largest share came from {part} ({v:+.3f}).",
    "block.kind.embed": "embedding",
    "block.kind.embed_short": "emb",
    "block.kind.attn": "attention",
    "block.kind.mlp": "MLP",
    "block.dropout": "7. Dropout: on in training, off at inference",
    "block.dropout_text": "During training, dropout zeroes a random share of numbers so that "
    "no unit can be relied on alone. This model's configuration: {probs}. "
    "At inference it is switched off, so the same prompt always gives the "
    "same logits.",
    "block.dropout_button": "Run the prompt twice in each mode",
    "block.dropout_press": "Press the button: the prompt runs twice with the model in "
    "inference (eval) mode and twice in training mode (dropout on).",
    "block.eval_diff": "Inference mode: max |logit difference| between the two runs",
    "block.train_diff": "Training mode: max |logit difference| between the two runs",
    "block.dropout_caption": "In training mode each run drops different numbers, so the logits "
    "differ; the model is put back in inference mode at once, and no "
    "other visitor ever meets it in training mode.",
    "block.dropout_config_zero": "This model's configuration sets every dropout probability to 0 — that "
    "is how it runs now; the config does not say how it was trained. So "
    "that dropout can be seen acting, the training-mode runs below add an "
    "explicit rate of {p:g} (GPT-2's published rate, not this model's "
    "setting) to what every attention and MLP writes into the stream. "
    "The translation page's Transformer was trained with dropout {trained:g} "
    "(its card).",
    "block.dropout_caption_explicit": "Training mode with the explicit rate of {p:g} (labelled above, not "
    "this model's config): each run drops different numbers, so the "
    "logits differ; inference mode ignores dropout, so its two runs "
    "agree. The model is put back in inference mode at once, without "
    "the added dropout.",
    "block.mode.eval": "inference (eval)",
    "block.mode.train": "training (dropout on)",
    "block.col.layer": "Block",
    "block.col.norm": "Vector size |x|",
    "block.col.part": "Part",
    "block.col.cosine": "cos(block input, block output)",
    "block.col.value": "Value",
    "block.col.count": "Dimensions",
    "block.col.stage": "Stage",
    "block.col.dimension": "Dimension",
    "block.col.z": "(x − μ) / std",
    "block.col.gamma": "γ",
    "block.col.output": "After the norm",
    "block.col.pre": "Pre-activation",
    "block.col.post": "After the activation",
    "block.col.unit": "Unit",
    "block.col.activation": "Activation",
    "block.col.promotes": "Tokens it pushes up most",
    "block.col.token": "Token",
    "block.col.logit_change": "Logit change",
    "block.col.where": "Embedding, then block",
    "block.col.contribution": "Share of the logit",
    "block.col.mode": "Mode",
    "block.col.run": "Run",
    "block.col.top": "Top next token",
    "block.col.top_logit": "Its logit",
    "block.col.z_rms": "x / rms",
    "block.part_in": "{part} of block {layer}",
    "block.dropout.embeddings": "{p:g} on the embeddings",
    "block.dropout.attention": "{p:g} on the attention weights",
    "block.dropout.residual": "{p:g} on what each attention and MLP adds",
    "block.col.token_id": "Token ID",
    "block.latex_paper": "the 2017 paper",
}

KO = {
    "block.title": "블록 하나 들여다보기",
    "block.heading": "블록 하나 들여다보기: 정규화, MLP, 잔차 스트림",
    "block.intro": "어텐션은 트랜스포머 블록의 절반일 뿐입니다. 나머지 절반은 토큰 하나하나를 따로 "
    "처리하는 MLP, 숫자의 크기를 일정한 범위에 잡아 두는 정규화 두 번, 그리고 각 "
    "부분층(어텐션과 MLP)의 결과를 이미 있던 값에 더하는 잔차 연결입니다. 아래 숫자는 모두 불러온 "
    "모델의 가중치로 다시 계산했고, 모델 자체의 모듈이 낸 값과 맞는지 확인했습니다.",
    "block.equations": "1. 두 줄로 쓰는 블록",
    "block.equations_text_sequential": "블록 {n}개는 모두 잔차 연결이 있는 식 두 개로 이루어집니다. 정규화는 "
    "어텐션과 MLP에 들어가기 직전에 적용됩니다(사전 정규화, pre-norm: GPT-2와 Llama의 "
    "방식이며, 2017년 논문은 덧셈 뒤에 정규화했습니다). 이 모델의 정규화는 "
    "**{norm}**입니다.",
    "block.equations_text_parallel": "블록 {n}개는 모두 어텐션과 MLP의 결과를 *나란히* 스트림에 "
    "더합니다. 두 부분층이 같은 입력 x를 읽으므로(병렬 잔차 연결: "
    "GPT-NeoX와 Pythia의 방식), MLP는 방금 어텐션이 쓴 내용을 "
    "보지 못합니다. 정규화는 각 부분층에 들어가기 직전에 "
    "적용됩니다(사전 정규화, pre-norm). 이 모델의 정규화는 "
    "**{norm}**입니다.",
    "block.equations_text_parallel_shared": "블록 {n}개는 모두 어텐션과 MLP의 결과를 *나란히* "
    "스트림에 더합니다. 두 부분층은 정규화된 같은 입력을 읽습니다. "
    "**하나의** {norm}이(가) 두 부분층에 함께 쓰이므로(정규화를 "
    "공유하는 병렬 잔차 연결: GPT-J의 방식), MLP는 방금 어텐션이 "
    "쓴 내용을 보지 못합니다.",
    "block.attribution_post_norm": "이 모델은 잔차를 더한 *뒤에* 정규화합니다(사후 정규화, post-norm). "
    "{norm}이(가) 매번 스트림 전체의 크기를 다시 맞추므로 로짓이 구성 요소마다 "
    "몫으로 나뉘지 않습니다. 그래서 직접 로짓 기여도를 쓸 수 없습니다.",
    "block.equations_text_post": "블록 {n}개는 모두 잔차 연결이 있는 식 두 개로 이루어지고, 정규화는 "
    "덧셈 *뒤에* 적용됩니다(사후 정규화, post-norm: 2017년 논문의 방식). "
    "어텐션은 스트림을 그대로 읽고, {norm}이(가) 그 합을 정규화한 뒤에 "
    "MLP가 읽습니다. 블록의 출력도 다시 정규화됩니다.",
    "block.check": "{layer}번 블록을 이 모델의 연결 방식 그대로 가중치에서 다시 계산했습니다. "
    "그 출력과 모델이 실제로 낸 블록 출력의 차이는 모든 토큰에서 최대 "
    "{d:.1e}입니다.",
    "block.params_attention": "블록당 어텐션 파라미터",
    "block.params_mlp": "블록당 MLP 파라미터",
    "block.params_norms": "블록당 정규화 파라미터",
    "block.share": "블록의 {p:.0%}",
    "block.params_caption": "블록 {blocks}개가 모델 파라미터 {all:,.1f}M개 가운데 {total:,.1f}M개를 "
    "차지합니다. MLP의 파라미터는 어텐션의 {mlp:.1f}배입니다.",
    "block.prompt": "프롬프트",
    "block.layer": "블록 (층)",
    "block.token": "토큰",
    "block.stream": "2. 층을 따라 흐르는 잔차 스트림",
    "block.stream_text": "각 블록은 잔차 스트림을 읽고, 무언가를 계산해 *더합니다*. 덮어써서 "
    "사라지는 것은 없습니다. 막대는 고른 토큰에 대해 블록마다 어텐션과 MLP가 "
    "스트림에 써 넣은 벡터의 크기이고, 선은 블록을 지난 뒤 스트림의 크기입니다.",
    "block.stream_caption": "블록 입력과 출력 사이의 코사인은 {lo:.3f}–{hi:.3f}입니다. 스트림의 "
    "크기는 임베딩 직후 |x| = {start:,.2f}에서 마지막 블록 뒤 "
    "{end:,.2f}(으)로 커졌습니다.",
    "block.part.stream": "블록을 지난 스트림",
    "block.part.attention": "어텐션이 쓴 값",
    "block.part.mlp": "MLP가 쓴 값",
    "block.norm": "3. {norm}, 한 단계씩",
    "block.norm_post_input": "이 모델은 각 부분층 뒤에 정규화합니다(사후 정규화, post-norm). 아래의 정규화는 "
    "블록 {layer}의 입력에 어텐션 출력을 더한 x + Attn(x)를 읽습니다.",
    "block.norm_layer": "토큰 “{token}”은(는) 숫자 {d}개로 블록 {layer}에 들어옵니다. 레이어 "
    "정규화(LayerNorm)는 이 숫자들의 평균과 표준편차를 구해 평균을 빼고 "
    "표준편차로 나눈 다음, 차원마다 학습된 γ를 곱하고 학습된 β를 더합니다.",
    "block.norm_rms": "토큰 “{token}”은(는) 숫자 {d}개로 블록 {layer}에 들어옵니다. RMS "
    "정규화(RMSNorm)는 이 숫자들을 제곱평균제곱근으로 나누고 차원마다 학습된 γ를 "
    "곱합니다. 평균은 빼지 않고, β도 없습니다.",
    "block.mean": "평균 μ",
    "block.std": "표준편차 √(σ² + ε)",
    "block.rms": "제곱평균제곱근",
    "block.largest": "가장 큰 |x_i|",
    "block.diff": "최대 |직접 계산 − 모델|",
    "block.diff_help": "위 식을 손으로 계산한 값과 모델의 정규화 모듈이 낸 값의 차이입니다.",
    "block.stage.input": "1. 토큰의 숫자 x",
    "block.stage.normalized": "2. 정규화한 값",
    "block.stage.output": "3. × γ (+ β): 어텐션이 읽는 값",
    "block.outliers": "이 벡터에서 가장 큰 숫자 {n}개를 차원별로 보여 줍니다. 모델에 유난히 큰 "
    "값을 갖는 차원(이상치 차원)이 있다면 여기서 드러납니다.",
    "block.mlp": "4. MLP, 한 단계씩",
    "block.mlp_plain": "모든 토큰이 같은 2층 신경망을 각자 따로 통과합니다: {d} → {m}({r:.0f}배 "
    "넓게) → {act} → 다시 {d}. 원래 트랜스포머는 여기에 ReLU를 썼고, GPT-2는 "
    "작은 음수도 조금 통과시키는 GELU를 씁니다.",
    "block.mlp_gated": "모든 토큰이 같은 신경망을 각자 따로 통과합니다. {d} → {m}({r:.2f}배 "
    "넓게) 투영을 두 번 해서, {act}을(를) 거친 *게이트*에 *업* 투영을 곱한 "
    "다음 다시 {d}(으)로 돌아옵니다. 원 논문의 ReLU(W₁x)W₂를 대신하는 게이트 "
    "구조입니다.",
    "block.width": "너비",
    "block.ratio": "가운데가 {r:.2f}배 넓습니다",
    "block.fire": "활성화되는 유닛 (활성화 함수 입력 > 0)",
    "block.fire_help": "이 토큰에서 활성화 함수에 들어가는 값이 양수인 은닉 유닛의 비율입니다.",
    "block.mlp_diff_help": "마지막 토큰에서 한 단계씩 계산한 MLP 출력과, 모델이 순전파에서 실제로 "
    "낸 MLP 출력(다시 계산하지 않고 기록한 값)의 차이입니다.",
    "block.relu": "ReLU (2017년 논문)",
    "block.curve_title": "{act}와(과) 그 위에 놓인 “{token}”의 은닉 유닛",
    "block.curve_caption": "빨간 점: 이 토큰의 은닉 유닛 {n}개를 활성화 함수 입력값 자리에 찍었습니다"
    "(그래프 범위로 잘랐고, {outside}개는 범위 밖에 있습니다).",
    "block.curve_caption_gated": "빨간 점: 이 토큰의 게이트 유닛 {n}개를 SiLU 곡선 위에 찍었습니다"
    "(그래프 범위로 잘랐고, {outside}개는 범위 밖에 있습니다). 각 "
    "유닛은 이어서 업 투영의 짝과 곱해집니다.",
    "block.units": "5. 유닛 하나가 써 넣는 것",
    "block.units_text": "은닉 유닛 하나의 출력은 잔차 스트림 속의 정해진 방향 하나에 유닛의 활성화 "
    "값을 곱한 것입니다. 그 방향을 언임베딩에 통과시키면 어떤 토큰의 로짓은 "
    "올라가고 어떤 토큰의 로짓은 내려갑니다. 블록 {layer}에서 “{token}”에 가장 "
    "강하게 반응한 유닛은 다음과 같습니다.",
    "block.unit": "유닛",
    "block.unit_caption": "유닛 {unit}, 활성화 {a:+.3f}: 이 유닛의 출력(활성화 × W_out의 행을 "
    "W_U에 통과시킨 값)이 각 토큰의 로짓을 바꾸는 양을 큰 순서로 보여 줍니다.",
    "block.attribution": "6. 예측은 누가 썼을까?",
    "block.attribution_text": "모델이 다음 토큰으로 가장 높게 본 것은 “{token}”입니다. 그 로짓은 "
    "W_U · {norm}(x)이고, x는 임베딩에 모든 어텐션과 모든 MLP가 더한 "
    "값을 합친 것입니다. 마지막 정규화의 크기 조절 값을 이 자리의 값으로 "
    "고정하면, 로짓은 구성 요소(임베딩, 각 어텐션, 각 MLP)마다 한 몫씩으로 "
    "정확히 나뉩니다(직접 로짓 기여도 분석, direct logit attribution).",
    "block.sum_parts": "구성 요소들의 합",
    "block.bias": "정규화의 β와 편향",
    "block.logit": "모델의 로짓",
    "block.sum_delta": "구성 요소 + β − 로짓 = {d:+.1e}",
    "block.attribution_caption": "가장 큰 몫은 {part}에서 왔습니다({v:+.3f}).",
    "block.kind.embed": "임베딩",
    "block.kind.embed_short": "임베딩",
    "block.kind.attn": "어텐션",
    "block.kind.mlp": "MLP",
    "block.dropout": "7. 드롭아웃: 학습할 때는 켜고, 추론할 때는 끕니다",
    "block.dropout_text": "학습하는 동안 드롭아웃은 숫자 가운데 일부를 무작위로 0으로 만들어, 어느 "
    "한 유닛에만 기댈 수 없게 합니다. 이 모델의 설정: {probs}. 추론할 때는 "
    "드롭아웃이 꺼지므로 같은 프롬프트는 언제나 같은 로짓을 냅니다.",
    "block.dropout_button": "모드마다 프롬프트를 두 번씩 실행하기",
    "block.dropout_press": "버튼을 누르면 모델을 추론(eval) 모드로 두고 프롬프트를 두 번, 학습 "
    "모드(드롭아웃 켬)로 두고 두 번 실행합니다.",
    "block.eval_diff": "추론 모드: 두 실행 사이 로짓 차이의 최댓값",
    "block.train_diff": "학습 모드: 두 실행 사이 로짓 차이의 최댓값",
    "block.dropout_caption": "학습 모드에서는 실행할 때마다 다른 숫자가 0이 되므로 로짓이 "
    "달라집니다. 모델은 곧바로 추론 모드로 돌아가며, 다른 사용자가 학습 "
    "모드의 모델을 만나는 일은 없습니다.",
    "block.dropout_config_zero": "이 모델의 설정(config)은 드롭아웃 확률을 모두 0으로 둡니다. 이것은 지금 "
    "모델이 실행되는 방식일 뿐, 어떻게 학습했는지는 설정에 나와 있지 "
    "않습니다. 드롭아웃이 작동하는 모습을 보이기 위해, 아래 학습 모드 "
    "실행에서는 모든 어텐션과 MLP가 스트림에 쓰는 값에 비율 {p:g}(GPT-2가 "
    "발표한 값이며 이 모델의 설정이 아닙니다)의 드롭아웃을 따로 적용합니다. "
    "번역 페이지의 트랜스포머는 드롭아웃을 켜고 학습했습니다(비율 {trained:g}, "
    "모델 카드).",
    "block.dropout_caption_explicit": "위에서 밝힌 드롭아웃(비율 {p:g}, 이 모델의 설정이 아님)을 적용한 학습 "
    "모드에서는 실행할 때마다 다른 숫자가 0이 되므로 로짓이 달라집니다. 추론 "
    "모드는 드롭아웃을 쓰지 않으므로 두 번의 실행 결과가 같습니다. 모델은 "
    "곧바로, 추가한 드롭아웃 없이 추론 모드로 돌아갑니다.",
    "block.mode.eval": "추론 (eval)",
    "block.mode.train": "학습 (드롭아웃 켬)",
    "block.col.layer": "블록",
    "block.col.norm": "벡터 크기 |x|",
    "block.col.part": "구성 요소",
    "block.col.cosine": "cos(블록 입력, 블록 출력)",
    "block.col.value": "값",
    "block.col.count": "차원 수",
    "block.col.stage": "단계",
    "block.col.dimension": "차원",
    "block.col.z": "(x − μ) / 표준편차",
    "block.col.gamma": "γ",
    "block.col.output": "정규화 뒤",
    "block.col.pre": "활성화 함수 입력",
    "block.col.post": "활성화 함수 출력",
    "block.col.unit": "유닛",
    "block.col.activation": "활성화 값",
    "block.col.promotes": "가장 많이 끌어올리는 토큰",
    "block.col.token": "토큰",
    "block.col.logit_change": "로짓 변화",
    "block.col.where": "임베딩, 그다음 블록",
    "block.col.contribution": "로짓에서 차지하는 몫",
    "block.col.mode": "모드",
    "block.col.run": "실행",
    "block.col.top": "가장 높은 다음 토큰",
    "block.col.top_logit": "그 로짓",
    "block.col.z_rms": "x / 제곱평균제곱근",
    "block.part_in": "블록 {layer}의 {part}",
    "block.dropout.embeddings": "임베딩에 {p:g}",
    "block.dropout.attention": "어텐션 가중치에 {p:g}",
    "block.dropout.residual": "어텐션과 MLP가 더하는 값에 {p:g}",
    "block.col.token_id": "토큰 ID",
    "block.latex_paper": "2017년 논문",
}
