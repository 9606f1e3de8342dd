"""Sampling page: the next-token distribution, temperature / top-k / top-p, generation,
logit lens."""

EN = {
    "sampling.title": "Sampling",
    "sampling.heading": "Sampling: from logits to the next token",
    "sampling.intro": "The last stage of the forward pass gives one number — a logit — for "
    "every token in the vocabulary. Softmax turns them into probabilities, "
    "and a sampler draws the next token. Temperature, top-k and top-p are "
    "applied here exactly as Hugging Face's `generate` applies them, in the "
    "same order, over the full vocabulary.",
    "sampling.prompt": "Prompt",
    "sampling.prompt_caption": "{t} tokens: {tokens}",
    "sampling.settings": "1. The sampler's settings",
    "sampling.greedy": "Greedy decoding (always take the most likely token)",
    "sampling.greedy_help": "Greedy is its own mode, not temperature 0: dividing by 0 is "
    "undefined, so the sampler simply takes the argmax.",
    "sampling.greedy_note": "Greedy mode: temperature, top-k and top-p are not used — the "
    "token with the largest logit is taken every time.",
    "sampling.temperature": "Temperature T",
    "sampling.temperature_help": "The logits are divided by T before the softmax. T < 1 "
    "sharpens the distribution, T > 1 flattens it.",
    "sampling.top_k": "Top-k (0 = off)",
    "sampling.top_k_help": "Keep only the k tokens with the largest logits (tokens tied with "
    "the k-th are kept too). 0 switches it off; {v:,} keeps the whole "
    "vocabulary.",
    "sampling.top_p": "Top-p (nucleus; 1 = off)",
    "sampling.top_p_help": "After top-k: keep the smallest set of most likely tokens whose "
    "probability adds up to at least p. The most likely token always "
    "stays, so p = 0 behaves like greedy.",
    "sampling.formulas": "The formulas",
    "sampling.formula_softmax": "**Softmax with temperature.** Each logit $z_i$ is divided by "
    "the temperature $T$, then exponentiated and normalized:",
    "sampling.formula_top_k": "**Then the cuts, in this order.** Top-k keeps the tokens whose "
    "logit is at least the k-th largest, $z_{(k)}$. Top-p sorts what "
    "is left (renormalized) by probability and keeps a token while "
    "the mass of the tokens more likely than it is still below $p$. "
    "Removed tokens get the logit $-\\infty$ (probability 0); the "
    "survivors are renormalized and one is drawn.",
    "sampling.formula_entropy": "**Entropy** measures how spread out the distribution is: 0 "
    "bits when one token is certain, $\\log_2 V$ when all $V$ "
    "tokens are equally likely.",
    "sampling.distribution": "2. The next-token distribution, before and after",
    "sampling.bits": "{h:.2f} bits",
    "sampling.bits_delta": "{h:+.2f} bits vs. the model's own",
    "sampling.entropy": "Entropy of what is sampled",
    "sampling.entropy_help": "H = −Σ p log₂ p over the final distribution. The model's own "
    "distribution (T = 1, no cuts) has {h:.2f} bits.",
    "sampling.kept": "Tokens that can be drawn",
    "sampling.kept_help": "Tokens left after top-k and top-p, out of the whole vocabulary.",
    "sampling.mass": "Probability mass kept",
    "sampling.mass_help": "How much of the temperature-scaled distribution the surviving "
    "tokens held before they were renormalized to 100 %.",
    "sampling.bars": "Tokens shown",
    "sampling.chart_caption": "Bars: probability after temperature, most likely first; grey "
    "bars were removed by top-k (darker) or top-p (lighter). Black "
    "ticks: the model's own probability (T = 1). Red line (right "
    "axis): cumulative probability over what top-k left — top-p "
    "keeps tokens until it reaches the dashed line p = {p:.2f}.",
    "sampling.chart_caption_greedy": "Bars: the model's probabilities; greedy decoding takes "
    "the first one. Black ticks: the same probabilities "
    "(T = 1).",
    "sampling.after": "After: the distribution the next token is drawn from",
    "sampling.after_caption": "The survivors renormalized to sum to 1 ({n} of the {kept:,} "
    "survivors fall among the tokens shown).",
    "sampling.status.kept": "kept",
    "sampling.status.top_k": "removed by top-k",
    "sampling.status.top_p": "removed by top-p",
    "sampling.status.greedy": "not the argmax (greedy)",
    "sampling.col.token": "Token",
    "sampling.col.rank": "Rank",
    "sampling.col.p_original": "Model's probability (T = 1)",
    "sampling.col.p_tempered": "After temperature",
    "sampling.col.p_final": "Probability when drawn",
    "sampling.col.cumulative": "Cumulative (after top-k)",
    "sampling.col.status": "Status",
    "sampling.col.step": "Step",
    "sampling.col.kept": "Tokens that could be drawn",
    "sampling.col.sample": "Sample",
    "sampling.col.continuation": "Continuation",
    "sampling.col.layer": "Layer",
    "sampling.axis.probability": "Probability",
    "sampling.axis.cumulative": "Cumulative probability",
    "sampling.steps": "3. Step by step",
    "sampling.steps_intro": "Each click runs the model on the text so far, applies the "
    "settings above and draws one token. Change the settings between "
    "clicks to see their effect.",
    "sampling.seed": "Seed",
    "sampling.seed_help": "The random generator's seed: the same seed, settings and clicks always give the same text.",
    "sampling.next": "Next token",
    "sampling.undo": "Undo",
    "sampling.reset": "Reset",
    "sampling.steps_full": "{n} steps: that is as far as step-by-step goes here. Undo or reset to continue.",
    "sampling.step_caption": "Step {n} drew “{token}” with probability {p:.2%} out of "
    "{kept:,} tokens that could be drawn. Its distribution "
    "(orange: the token drawn):",
    "sampling.generate": "4. Generate",
    "sampling.generate_intro": "The same settings, many steps in a row. The prompt runs "
    "once; after that each step feeds only the newest token and "
    "reuses the keys and values already computed (the KV cache). "
    "Two seeds side by side show how much chance decides.",
    "sampling.n_new": "New tokens",
    "sampling.seed2": "Second seed",
    "sampling.greedy_seeds": "Greedy ignores the seed: both runs will be the same.",
    "sampling.generate_button": "Generate",
    "sampling.run_title": "**Seed {seed}**",
    "sampling.run_caption": "{n} tokens, {rate:.1f} tokens/s",
    "sampling.spread": "Several samples at once",
    "sampling.n_samples": "Samples",
    "sampling.spread_button": "Draw samples",
    "sampling.spread_running": "Drawing samples …",
    "sampling.spread_caption": "{distinct} different continuations out of {n}, drawn together "
    "as one batch from the first seed.",
    "sampling.lens": "5. Logit lens: what each layer would predict",
    "sampling.lens_intro": "Take the hidden state of the last token after each layer and "
    "send it straight to the output: the final normalization, then "
    "the unembedding. Early layers rarely know the answer; watch the "
    "prediction form as you go down.",
    "sampling.lens_k": "Top predictions per layer",
    "sampling.layer_embed": "embeddings",
    "sampling.layer_n": "after block {n}",
    "sampling.lens_caption": "Colour: probability. The last row (after block {n}) is exactly the "
    "model's own prediction.",
    "sampling.col.token_id": "Token ID",
    # LaTeX, its braces doubled: the page fills in {k} and {p} (the symbols)
    "sampling.latex.top_k": "\\text{{top-}}{k}:\\ \\text{{keep }} i \\text{{ if }} z_i \\ge z_{{({k})}}",
    "sampling.latex.top_p": "\\text{{top-}}{p}:\\ \\text{{keep }} i \\text{{ if }} \\sum_{{j:\\,p_j > p_i}} p_j < {p}",
    "sampling.latex.logits": "logits",
    "sampling.temp_effect.flattens": "Temperature alone (T = {t:.2f}, above 1) flattens the distribution: "
    "entropy {orig:.2f} → {temp:.2f} bits ({dt:+.2f}), and the top token "
    "becomes less likely.",
    "sampling.temp_effect.sharpens": "Temperature alone (T = {t:.2f}, below 1) sharpens the distribution: "
    "entropy {orig:.2f} → {temp:.2f} bits ({dt:+.2f}), and the top token "
    "becomes more likely.",
    "sampling.temp_effect.none": "At T = 1 the temperature changes nothing: entropy {temp:.2f} bits.",
    "sampling.cuts_effect": "Then top-k and top-p cut the tail, taking it to {final:.2f} bits ({dc:+.2f}) — "
    "the change the metric shows is both together, so with the cuts on, a higher "
    "temperature can end with less entropy than the model's own: the hotter the "
    "distribution, the more of its tail the cuts remove.",
    "sampling.cuts_none": "No cut removes anything: that is what is sampled.",
}

KO = {
    "sampling.title": "샘플링",
    "sampling.heading": "샘플링: 로짓에서 다음 토큰으로",
    "sampling.intro": "순전파의 마지막 단계는 어휘의 모든 토큰마다 숫자 하나, 곧 로짓을 "
    "내놓습니다. 소프트맥스가 로짓을 확률로 바꾸고, 샘플러가 다음 토큰을 "
    "뽑습니다. 여기서는 온도·top-k·top-p를 Hugging Face의 `generate`와 "
    "똑같은 순서와 방식으로, 어휘 전체에 적용합니다.",
    "sampling.prompt": "프롬프트",
    "sampling.prompt_caption": "토큰 {t}개: {tokens}",
    "sampling.settings": "1. 샘플러 설정",
    "sampling.greedy": "그리디 디코딩 (항상 가장 가능성 높은 토큰 선택)",
    "sampling.greedy_help": "그리디 디코딩은 ‘온도 0’이 아니라 별도의 방식입니다. 0으로 나누는 "
    "것은 정의되지 않으므로, 샘플러는 로짓이 가장 큰 토큰(argmax)을 그대로 "
    "고릅니다.",
    "sampling.greedy_note": "그리디 디코딩에서는 온도·top-k·top-p를 쓰지 않습니다. 매번 로짓이 "
    "가장 큰 토큰을 고릅니다.",
    "sampling.temperature": "온도 T",
    "sampling.temperature_help": "소프트맥스 전에 로짓을 T로 나눕니다. T < 1이면 분포가 "
    "뾰족해지고, T > 1이면 평평해집니다.",
    "sampling.top_k": "Top-k (0 = 끄기)",
    "sampling.top_k_help": "로짓이 가장 큰 k개 토큰만 남깁니다(k번째와 값이 같은 토큰도 "
    "남습니다). 0이면 꺼지고, {v:,}이면 어휘 전체가 남습니다.",
    "sampling.top_p": "Top-p (누적 확률 기준, 1 = 끄기)",
    "sampling.top_p_help": "top-p 샘플링은 top-k 다음에 적용합니다. 확률이 높은 순서로 더해 "
    "누적 확률이 p 이상이 되는 가장 작은 토큰 집합만 남깁니다. 가장 "
    "가능성 높은 토큰은 항상 남으므로 p = 0이면 그리디 디코딩과 "
    "같습니다.",
    "sampling.formulas": "수식",
    "sampling.formula_softmax": "**온도를 넣은 소프트맥스.** 각 로짓 $z_i$를 온도 $T$로 "
    "나눈 뒤 지수를 취하고 정규화합니다.",
    "sampling.formula_top_k": "**그다음, 이 순서로 잘라 냅니다.** top-k는 로짓이 k번째로 큰 "
    "값 $z_{(k)}$ 이상인 토큰만 남깁니다. top-p는 남은 토큰을 다시 "
    "정규화해 확률 순으로 늘어놓고, 자기보다 확률이 높은 토큰들의 "
    "합이 아직 $p$보다 작은 동안 토큰을 남깁니다. 잘린 토큰의 로짓은 "
    "$-\\infty$(확률 0)가 되고, 남은 토큰을 다시 정규화해 하나를 "
    "뽑습니다.",
    "sampling.formula_entropy": "**엔트로피**는 분포가 얼마나 퍼져 있는지를 잽니다. 토큰 "
    "하나가 확실하면 0비트, $V$개 토큰이 모두 같은 확률이면 "
    "$\\log_2 V$비트입니다.",
    "sampling.distribution": "2. 다음 토큰 분포: 적용 전과 후",
    "sampling.bits": "{h:.2f}비트",
    "sampling.bits_delta": "{h:+.2f}비트 (모델 원래 분포 대비)",
    "sampling.entropy": "샘플링 분포의 엔트로피",
    "sampling.entropy_help": "최종 분포에 대한 H = −Σ p log₂ p입니다. 모델 원래 분포"
    "(T = 1, 자르기 없음)의 엔트로피는 {h:.2f}비트입니다.",
    "sampling.kept": "뽑힐 수 있는 토큰",
    "sampling.kept_help": "어휘 전체 가운데 top-k와 top-p를 거치고 남은 토큰 수입니다.",
    "sampling.mass": "남은 확률 질량",
    "sampling.mass_help": "살아남은 토큰들이 100 %로 다시 정규화되기 전, 온도를 적용한 "
    "분포에서 차지하던 확률의 합입니다.",
    "sampling.bars": "보여 줄 토큰 수",
    "sampling.chart_caption": "막대: 온도를 적용한 확률(높은 순). 회색 막대는 top-k(진한 "
    "회색)나 top-p(옅은 회색)에서 잘린 토큰입니다. 검은 눈금: 모델 "
    "원래 확률(T = 1). 빨간 선(오른쪽 축): top-k 뒤에 남은 토큰의 "
    "누적 확률. top-p는 이 선이 점선 p = {p:.2f}에 닿을 때까지 "
    "토큰을 남깁니다.",
    "sampling.chart_caption_greedy": "막대: 모델의 확률. 그리디 디코딩은 맨 앞 토큰을 "
    "고릅니다. 검은 눈금: 같은 확률(T = 1).",
    "sampling.after": "적용 후: 실제로 다음 토큰을 뽑는 분포",
    "sampling.after_caption": "살아남은 토큰을 합이 1이 되도록 다시 정규화한 분포입니다"
    "(살아남은 {kept:,}개 중 {n}개가 위 목록에 있습니다).",
    "sampling.status.kept": "남음",
    "sampling.status.top_k": "top-k에서 잘림",
    "sampling.status.top_p": "top-p에서 잘림",
    "sampling.status.greedy": "argmax 아님 (그리디 디코딩)",
    "sampling.col.token": "토큰",
    "sampling.col.rank": "순위",
    "sampling.col.p_original": "모델 원래 확률 (T = 1)",
    "sampling.col.p_tempered": "온도 적용 후",
    "sampling.col.p_final": "뽑힐 확률",
    "sampling.col.cumulative": "누적 확률 (top-k 후)",
    "sampling.col.status": "상태",
    "sampling.col.step": "단계",
    "sampling.col.kept": "뽑힐 수 있던 토큰 수",
    "sampling.col.sample": "샘플",
    "sampling.col.continuation": "이어진 텍스트",
    "sampling.col.layer": "층",
    "sampling.axis.probability": "확률",
    "sampling.axis.cumulative": "누적 확률",
    "sampling.steps": "3. 한 토큰씩 생성하기",
    "sampling.steps_intro": "버튼을 누를 때마다 지금까지의 텍스트로 모델을 실행하고, 위 "
    "설정을 적용해 토큰 하나를 뽑습니다. 중간에 설정을 바꿔 가며 "
    "차이를 살펴보세요.",
    "sampling.seed": "시드",
    "sampling.seed_help": "난수 생성기의 시드입니다. 시드·설정·클릭 순서가 같으면 언제나 같은 텍스트가 나옵니다.",
    "sampling.next": "다음 토큰",
    "sampling.undo": "되돌리기",
    "sampling.reset": "처음부터",
    "sampling.steps_full": "{n}단계까지 왔습니다. 한 토큰씩 생성하기는 여기까지입니다. "
    "이어 가려면 되돌리거나 처음부터 다시 시작하세요.",
    "sampling.step_caption": "{n}단계에서 뽑을 수 있던 토큰 {kept:,}개 가운데 “{token}”이(가) "
    "{p:.2%}의 확률로 뽑혔습니다. 그때의 분포(주황색: 뽑힌 토큰):",
    "sampling.generate": "4. 생성하기",
    "sampling.generate_intro": "같은 설정으로 여러 단계를 이어서 생성합니다. 프롬프트는 한 "
    "번만 실행하고, 그 뒤로는 단계마다 새 토큰 하나만 넣으면서 이미 "
    "계산한 Key와 Value를 다시 씁니다(KV 캐시). 시드 두 개를 나란히 "
    "놓으면 우연이 얼마나 많은 것을 정하는지 보입니다.",
    "sampling.n_new": "새로 생성할 토큰 수",
    "sampling.seed2": "두 번째 시드",
    "sampling.greedy_seeds": "그리디 디코딩은 시드를 쓰지 않으므로 두 결과가 똑같습니다.",
    "sampling.generate_button": "생성",
    "sampling.run_title": "**시드 {seed}**",
    "sampling.run_caption": "토큰 {n}개, 초당 {rate:.1f}개",
    "sampling.spread": "여러 샘플 한꺼번에 뽑기",
    "sampling.n_samples": "샘플 수",
    "sampling.spread_button": "샘플 뽑기",
    "sampling.spread_running": "샘플을 뽑는 중…",
    "sampling.spread_caption": "첫 번째 시드로 한 배치에서 함께 뽑은 {n}개 가운데 서로 다른 결과는 {distinct}개입니다.",
    "sampling.lens": "5. 로짓 렌즈: 층마다 무엇을 예측할까",
    "sampling.lens_intro": "각 층을 지난 마지막 토큰의 은닉 상태를 곧바로 출력단으로 "
    "보냅니다. 즉 마지막 정규화를 거친 뒤 언임베딩을 곱합니다. 앞쪽 "
    "층은 답을 거의 모릅니다. 아래로 내려가며 예측이 만들어지는 과정을 "
    "지켜보세요.",
    "sampling.lens_k": "층마다 보여 줄 예측 수",
    "sampling.layer_embed": "임베딩",
    "sampling.layer_n": "{n}번 블록 뒤",
    "sampling.lens_caption": "색: 확률. 마지막 줄({n}번 블록 뒤)은 모델 자신의 예측과 정확히 같습니다.",
    "sampling.col.token_id": "토큰 ID",
    "sampling.latex.top_k": "\\text{{top-}}{k}:\\ z_i \\ge z_{{({k})}}\\text{{인 }} i\\text{{만 남김}}",
    "sampling.latex.top_p": "\\text{{top-}}{p}:\\ \\sum_{{j:\\,p_j > p_i}} p_j < {p}\\text{{인 }} i\\text{{만 남김}}",
    "sampling.latex.logits": "로짓",
    "sampling.temp_effect.flattens": "온도만 적용하면(T = {t:.2f}, 1보다 큼) 분포가 평평해집니다. 엔트로피는 "
    "{orig:.2f} → {temp:.2f}비트({dt:+.2f})가 되고, 1위 토큰의 확률은 "
    "낮아집니다.",
    "sampling.temp_effect.sharpens": "온도만 적용하면(T = {t:.2f}, 1보다 작음) 분포가 뾰족해집니다. 엔트로피는 "
    "{orig:.2f} → {temp:.2f}비트({dt:+.2f})가 되고, 1위 토큰의 확률은 "
    "높아집니다.",
    "sampling.temp_effect.none": "T = 1에서는 온도가 아무것도 바꾸지 않습니다. 엔트로피는 {temp:.2f}비트입니다.",
    "sampling.cuts_effect": "그다음 top-k와 top-p가 꼬리를 잘라 내어 {final:.2f}비트({dc:+.2f})가 됩니다. 위 "
    "지표의 변화는 이 둘을 합친 결과입니다. 그래서 잘라 내기를 켜 두면 온도를 높여도 "
    "엔트로피가 모델 원래 분포보다 낮아질 수 있습니다. 분포가 평평할수록 잘려 나가는 "
    "꼬리도 커지기 때문입니다.",
    "sampling.cuts_none": "잘려 나가는 토큰이 없습니다. 이 분포에서 그대로 샘플링합니다.",
}
