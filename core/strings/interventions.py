"""Interventions: knocking parts out, patching one prompt into another (keys "int.*"), on the
attention, block and positional pages."""

EN = {
    # shared
    "int.how": "Knock out by",
    "int.how.zero": "setting it to 0",
    "int.how.mean": "its mean over the prompt's positions",
    "int.col.token": "Next token",
    "int.col.probability": "Probability",
    "int.col.run": "Run",
    "int.run.before": "the model as it is",
    "int.run.after": "knocked out",
    "int.prob_before": "p(“{token}”), the model as it is",
    "int.prob_after": "knocked out",
    "int.prob_delta": "{d:+.1%} points",
    "int.stays": "The prediction stays “{token}”: {p0:.1%} → {p1:.1%}.",
    "int.changes": "The prediction changes from “{a}” ({pa0:.1%} → {pa1:.1%}) to “{b}” ({pb0:.1%} → {pb1:.1%}).",
    "int.running": "Running: {done:.0%}",
    "int.job.joined": "This computation is already running (started by you or another visitor): "
    "following it here instead of starting it twice.",
    "int.job.busy": "Two long computations are already running on this server. Press the button again in a moment.",
    "int.job.failed": "The computation stopped with an error ({error}). Press the button to try again.",
    "int.job.cancel": "Stop",
    "int.job.cancelled": "The computation was stopped. Press the button to start it again.",
    "int.error.bad_part": "“{part}” is not a part of the model that can be knocked out or patched.",
    "int.error.bad_how": "“{how}” is not a way to knock a part out; use 0 or the mean.",
    "int.error.layer_range": "There is no layer {layer} here: this model's layers are numbered from 0 "
    "and there are {n}.",
    "int.error.head_range": "There is no head {head} here: each layer's heads are numbered from 0 and there are {n}.",
    "int.error.position_range": "There is no position {position} here: the prompt has {n} tokens, numbered from 0.",
    "int.error.unequal_lengths": "Patching needs the two prompts to line up token by token, but the "
    "clean one has {clean} tokens and the corrupt one {corrupt}. Change "
    "a word until both have the same number (their tokens are listed "
    "below).",
    "int.error.not_one_token": "“{token}” is {n} tokens for this model, and a target must be exactly "
    "one (a word in the middle of a sentence often starts with a space: "
    "“ Paris”).",
    "int.error.too_long": "This runs one ablation per head (or per layer and position), so it takes "
    "prompts of up to {cap} tokens; this one has {n}. Shorten it.",
    # attention page: one head
    "int.knock.title": "Knock this head out: layer {layer}, head {head}",
    "int.knock.toggle": "Knock out this head and run the model again",
    "int.knock.off": "The heatmap shows what this head *looked at*. Switch this on to see what it "
    "*causes*: the model runs again without it, and the next-token prediction is "
    "compared with the model's own.",
    "int.knock.what": "Head {head} of layer {layer}: its slice of the heads' outputs side by side "
    "(before W_O) is replaced at every position — {how}. Nothing else changes.",
    # attention page: attention is not explanation
    "int.ne.title": "Attention is not explanation",
    "int.ne.text": "A bright cell says a head *looked at* a token. Whether the head *matters* for the "
    "prediction is another question, and knocking it out answers it. Below, for this "
    "prompt, the heads ranked twice: by how much attention the last token pays to a "
    "token you choose, and by how much the prediction moves when the head alone is "
    "set to 0.",
    "int.ne.source": "The token the last token attends to",
    "int.ne.target_input": "Target token (empty: the model's own prediction)",
    "int.ne.target_help": "Exactly one token of this model; a word in the middle of a sentence usually "
    "starts with a space.",
    "int.ne.button": "Knock out each of the {n} heads, one at a time",
    "int.ne.press": "Press the button: the model runs once per head ({n} ablations, batched into a "
    "few forward passes), then both rankings appear.",
    "int.ne.target": "Target “{token}” (p = {p:.1%}). A head's effect: how much log p(“{token}”) "
    "changes, up or down, when that head alone is set to 0.",
    "int.ne.rho": "Rank correlation (Spearman ρ)",
    "int.ne.overlap": "Heads in both top {k}",
    "int.ne.by_attention": "Top {k} by attention to “{source}”",
    "int.ne.by_effect": "Top {k} by effect on the prediction",
    "int.ne.finding": "For this prompt ρ = {rho:+.2f}, and {overlap} of the {k} heads that look most "
    "at “{source}” are also among the {k} whose removal moves the prediction most. "
    "The head that looks at it most (layer {al}, head {ah}, weight {aw:.2f}) ranks "
    "{arank} of {n} by effect; the head that matters most (layer {el}, head {eh}, "
    "Δ log p = {ed:+.3f}) ranks {erank} of {n} by attention.",
    "int.ne.verdict.agree": "Here the two rankings largely agree. That is a finding about this "
    "prompt and this token, not a rule: try another token or prompt.",
    "int.ne.verdict.partly": "The rankings agree only partly: attention to this token is a weak "
    "guide to which heads matter.",
    "int.ne.verdict.unrelated": "The rankings barely agree: for this prompt, how much a head looks at "
    "this token says almost nothing about how much the prediction "
    "needs it.",
    "int.ne.verdict.opposite": "The rankings point opposite ways: the heads that look most at this "
    "token tend to matter least here.",
    "int.ne.verdict.undefined": "One of the rankings is flat (every head the same), so there is no "
    "correlation to compute.",
    "int.col.head": "Head",
    "int.col.attention": "Attention to the token",
    "int.col.effect": "|Δ log p|",
    "int.col.in_both": "In both top lists",
    "int.both.yes": "in both",
    "int.both.no": "in one",
    # block page: knock out a sublayer
    "int.block.title": "Knock out a layer's attention or MLP",
    "int.block.text": "Direct logit attribution (above) splits the logit into what each part "
    "*wrote*. Knock a part out and run the model again: its own share is gone, and "
    "the parts after it change as well, because they read what it wrote.",
    "int.block.toggle": "Knock out a part and run the model again",
    "int.block.part": "Part",
    "int.part.attn": "attention of layer {layer}",
    "int.part.mlp": "MLP of layer {layer}",
    "int.block.finding": "The {part} wrote {direct:+.3f} into the logit of “{token}”. Knocked out, that "
    "logit goes from {before:.3f} to {after:.3f} ({total:+.3f}): {gone:+.3f} is its "
    "own share gone, {indirect:+.3f} is how much the parts after it changed.",
    "int.block.chart_title": "Who wrote the logit of “{token}”",
    # block page: sublayer sweep
    "int.sweep.title": "Every sublayer knocked out, one at a time",
    "int.sweep.text": "The same knock-out for every attention and every MLP of the model, each alone, "
    "and how much log p of the predicted token “{token}” falls.",
    "int.sweep.button": "Knock out each of the {n} sublayers",
    "int.sweep.press": "Press the button: {n} ablations, batched into a few forward passes.",
    "int.sweep.caption": "Red: the prediction needed that sublayer (log p falls without it); blue: it "
    "worked against it. Largest fall: the {top} ({d:+.3f}); {small} of the {n} "
    "sublayers move log p by less than 0.1.",
    "int.col.layer": "Layer",
    "int.col.sublayer": "Sublayer",
    "int.col.drop": "Fall in log p",
    "int.sub.attn": "attention",
    "int.sub.mlp": "MLP",
    # block page: activation patching
    "int.patch.title": "Activation patching: where does the fact travel?",
    "int.patch.text": "Two prompts that differ in one word. Run the *corrupt* one, but put back the "
    "*clean* prompt's residual stream at one layer and one position, and see how "
    "much of the clean answer comes back — for every layer and every position.",
    "int.patch.clean": "Clean prompt",
    "int.patch.corrupt": "Corrupt prompt (one word changed)",
    "int.patch.clean_default": "The Eiffel Tower is in the city of",
    "int.patch.corrupt_default": "The Colosseum is in the city of",
    "int.patch.example": "{a} / {b}",
    "int.patch.example_help": "Put this pair of prompts in the two boxes.",
    "int.patch.tokens": "Clean: {clean}  \nCorrupt: {corrupt}",
    "int.patch.answer_clean": "Clean answer (the clean prompt's top predictions)",
    "int.patch.answer_corrupt": "Corrupt answer (the corrupt prompt's top predictions)",
    "int.patch.same_answers": "Both answers are the same token, so there is no difference to "
    "restore: pick two different tokens.",
    "int.patch.diffs": "Logit difference “{a}” − “{b}”: {clean:+.2f} on the clean prompt, "
    "{corrupt:+.2f} on the corrupt one.",
    "int.patch.button": "Patch every layer × position ({n} runs)",
    "int.patch.press": "Press the button: {n} patched runs, batched into a few forward passes.",
    "int.patch.caption": "Restored: (patched − corrupt) ÷ (clean − corrupt) of the logit difference; "
    "1 = the clean answer is fully back. Entering block 0, most comes back at "
    "“{first_token}” ({first:.0%}). {moved}",
    "int.patch.moved": "From block {layer} on, the last token “{last_token}” restores the most "
    "({last:.0%} entering the last block): by then the information has moved there.",
    "int.patch.not_moved": "The last token never restores the most here.",
    "int.col.block_input": "Entering block",
    "int.col.position": "Position",
    "int.col.restored": "Restored",
    # positional page
    "int.pos.title": "Remove the positions — measured",
    "int.pos.text_learned": "This model adds a learned position vector to every token. Here each of "
    "them is set to 0 and the model runs again on two orders of the same "
    "words that end in the same token.",
    "int.pos.text_rotary": "This model turns q and k by an angle that grows with the position. Here "
    "every angle is set to 0 (q and k are not turned at all) and the model runs "
    "again on two orders of the same words that end in the same token.",
    "int.pos.a": "Words in one order",
    "int.pos.b": "The same words in another order",
    "int.pos.default_a": "The dog bites the man .",
    "int.pos.default_b": "The man bites the dog .",
    "int.pos.not_same": "This measurement needs the same tokens in another order, ending in the same "
    "token; these two are not ({a} and {b} tokens, ending in “{la}” and “{lb}”).",
    "int.pos.first_off": "Block 0, last token: positions removed",
    "int.pos.first_on": "Block 0, last token: positions on",
    "int.pos.difference": "|x₁ − x₂| ÷ |x₁| = {d:.1e}",
    "int.pos.caption": "With the positions removed, the last token leaves block 0 the same in both "
    "orders ({off:.1e}: float rounding — it attends to the same bag of tokens). "
    "After block 1 the difference is {off2:.3f}, after the last block {offL:.3f}: "
    "the earlier tokens saw different words before them through the causal mask, "
    "and the last token reads them — order leaks in without any position. With "
    "the positions on, the two differ by {on:.3f} already after block 0.",
    "int.col.block": "After block",
    "int.col.difference": "|x₁ − x₂| ÷ |x₁| at the last token",
    "int.col.positions": "Positions",
    "int.positions.off": "removed",
    "int.positions.on": "on",
}

KO = {
    # shared
    "int.how": "제거 방식",
    "int.how.zero": "0으로 바꾸기",
    "int.how.mean": "프롬프트 위치 전체의 평균으로 바꾸기",
    "int.col.token": "다음 토큰",
    "int.col.probability": "확률",
    "int.col.run": "실행",
    "int.run.before": "원래 모델",
    "int.run.after": "제거한 모델",
    "int.prob_before": "원래 모델의 p(“{token}”)",
    "int.prob_after": "제거한 뒤",
    "int.prob_delta": "{d:+.1%}포인트",
    "int.stays": "예측은 “{token}” 그대로입니다: {p0:.1%} → {p1:.1%}.",
    "int.changes": "예측이 “{a}”({pa0:.1%} → {pa1:.1%})에서 “{b}”({pb0:.1%} → {pb1:.1%})(으)로 바뀝니다.",
    "int.running": "계산 중: {done:.0%}",
    "int.job.joined": "같은 계산이 이미 돌고 있습니다(본인이나 다른 방문자가 시작했습니다). 두 번 "
    "시작하지 않고 그 진행 상황을 여기서 보여 줍니다.",
    "int.job.busy": "이 서버에서 긴 계산 두 개가 이미 돌고 있습니다. 잠시 뒤 버튼을 다시 누르세요.",
    "int.job.failed": "계산이 오류({error})로 멈췄습니다. 다시 하려면 버튼을 누르세요.",
    "int.job.cancel": "멈추기",
    "int.job.cancelled": "계산을 멈췄습니다. 처음부터 다시 하려면 버튼을 누르세요.",
    "int.error.bad_part": "“{part}”은(는) 제거하거나 패칭할 수 있는 모델의 구성 요소가 아닙니다.",
    "int.error.bad_how": "“{how}”은(는) 제거 방식이 아닙니다. 0 또는 평균을 고르세요.",
    "int.error.layer_range": "{layer}번 층은 없습니다. 이 모델의 층 번호는 0부터 시작하며 모두 {n}개입니다.",
    "int.error.head_range": "{head}번 헤드는 없습니다. 층마다 헤드 번호는 0부터 시작하며 모두 {n}개입니다.",
    "int.error.position_range": "{position}번 위치는 없습니다. 프롬프트의 토큰은 {n}개이고 번호는 0부터 시작합니다.",
    "int.error.unequal_lengths": "패칭하려면 두 프롬프트의 토큰이 위치마다 맞아야 하는데, 깨끗한 "
    "프롬프트는 토큰 {clean}개, 오염된 프롬프트는 {corrupt}개입니다. "
    "토큰 수가 같아지도록 단어를 바꾸세요(두 프롬프트의 토큰은 아래에 "
    "있습니다).",
    "int.error.not_one_token": "“{token}”은(는) 이 모델에서 토큰 {n}개이지만, 목표 토큰은 정확히 "
    "하나여야 합니다(문장 중간의 단어는 흔히 앞에 공백이 붙습니다: "
    "“ Paris”).",
    "int.error.too_long": "이 계산은 헤드마다, 또는 층과 위치의 쌍마다 한 번씩 제거해 보므로 토큰 "
    "{cap}개까지의 프롬프트만 받습니다. 지금 프롬프트는 {n}개입니다. 줄여 "
    "주세요.",
    # attention page: one head
    "int.knock.title": "이 헤드 제거하기: {layer}번 층, {head}번 헤드",
    "int.knock.toggle": "이 헤드를 제거하고 모델을 다시 실행하기",
    "int.knock.off": "히트맵은 이 헤드가 *무엇을 보았는지* 보여 줍니다. 이 스위치를 켜면 이 헤드가 "
    "*무엇을 일으키는지* 볼 수 있습니다. 헤드를 뺀 채 모델을 다시 실행하고, 다음 "
    "토큰 예측을 원래 모델과 비교합니다.",
    "int.knock.what": "{layer}번 층의 {head}번 헤드: 헤드 출력을 나란히 이어 붙인 벡터(W_O 앞)에서 "
    "이 헤드의 몫을 모든 위치에서 바꿉니다({how}). 나머지는 그대로입니다.",
    # attention page: attention is not explanation
    "int.ne.title": "어텐션은 설명이 아닙니다",
    "int.ne.text": "밝은 칸은 헤드가 어떤 토큰을 *보았다*는 뜻입니다. 그 헤드가 예측에 *중요한지*는 "
    "다른 질문이고, 헤드를 제거해 보면 답할 수 있습니다. 아래에서는 이 프롬프트에 "
    "대해 헤드 순위를 두 번 매깁니다. 마지막 토큰이 고른 토큰에 주는 어텐션의 크기로 "
    "한 번, 그 헤드 하나만 0으로 바꿨을 때 예측이 움직이는 정도로 한 번입니다.",
    "int.ne.source": "마지막 토큰이 주목하는 토큰",
    "int.ne.target_input": "목표 토큰(비워 두면 모델이 예측한 토큰)",
    "int.ne.target_help": "이 모델의 토큰 정확히 하나여야 합니다. 문장 중간의 단어는 보통 앞에 공백이 붙습니다.",
    "int.ne.button": "헤드 {n}개를 하나씩 제거해 보기",
    "int.ne.press": "버튼을 누르세요. 헤드마다 한 번씩 모델을 실행하고(제거 {n}번을 순전파 몇 번으로 "
    "묶어 계산합니다) 두 순위를 보여 줍니다.",
    "int.ne.target": "목표 토큰은 “{token}”입니다(p = {p:.1%}). 헤드의 효과는 그 헤드 하나만 0으로 "
    "바꿨을 때 log p(“{token}”)이(가) 오르거나 내린 크기입니다.",
    "int.ne.rho": "순위 상관(스피어만 ρ)",
    "int.ne.overlap": "두 상위 {k}에 모두 든 헤드",
    "int.ne.by_attention": "“{source}”에 주는 어텐션 상위 {k}",
    "int.ne.by_effect": "예측에 주는 효과 상위 {k}",
    "int.ne.finding": "이 프롬프트에서 ρ = {rho:+.2f}이고, “{source}”을(를) 가장 많이 보는 헤드 "
    "{k}개 가운데 {overlap}개가 제거했을 때 예측을 가장 크게 움직이는 헤드 {k}개에도 "
    "듭니다. 그 토큰을 가장 많이 보는 헤드({al}번 층, {ah}번 헤드, 가중치 "
    "{aw:.2f})는 효과 순위가 {n}개 중 {arank}위이고, 가장 중요한 헤드({el}번 층, "
    "{eh}번 헤드, Δ log p = {ed:+.3f})는 어텐션 순위가 {n}개 중 {erank}위입니다.",
    "int.ne.verdict.agree": "여기서는 두 순위가 대체로 일치합니다. 이것은 이 프롬프트와 이 토큰에 "
    "대한 관찰일 뿐 규칙이 아닙니다. 다른 토큰이나 프롬프트로도 해 보세요.",
    "int.ne.verdict.partly": "두 순위는 일부만 일치합니다. 이 토큰에 주는 어텐션은 어떤 헤드가 "
    "중요한지 알려 주는 약한 단서일 뿐입니다.",
    "int.ne.verdict.unrelated": "두 순위가 거의 일치하지 않습니다. 이 프롬프트에서는 헤드가 이 "
    "토큰을 얼마나 보는지가 예측이 그 헤드를 얼마나 필요로 하는지에 "
    "대해 거의 아무것도 말해 주지 않습니다.",
    "int.ne.verdict.opposite": "두 순위가 반대 방향을 가리킵니다. 이 토큰을 가장 많이 보는 헤드일수록 "
    "여기서는 덜 중요한 경향이 있습니다.",
    "int.ne.verdict.undefined": "한쪽 순위가 평평해서(모든 헤드가 같은 값) 상관을 계산할 수 없습니다.",
    "int.col.head": "헤드",
    "int.col.attention": "그 토큰에 주는 어텐션",
    "int.col.effect": "|Δ log p|",
    "int.col.in_both": "두 상위 목록에 모두 있음",
    "int.both.yes": "둘 다",
    "int.both.no": "한쪽만",
    # block page: knock out a sublayer
    "int.block.title": "한 층의 어텐션이나 MLP 제거하기",
    "int.block.text": "위의 직접 로짓 기여도는 로짓을 각 구성 요소가 *써 넣은* 값으로 나눕니다. 부분층 "
    "하나를 제거하고 모델을 다시 실행하면 그 부분층의 몫이 사라지고, 그 뒤의 부분층들도 "
    "달라집니다. 뒤의 부분층들은 그 부분층이 써 넣은 값을 읽기 때문입니다.",
    "int.block.toggle": "부분층 하나를 제거하고 모델을 다시 실행하기",
    "int.block.part": "부분층",
    "int.part.attn": "{layer}번 층의 어텐션",
    "int.part.mlp": "{layer}번 층의 MLP",
    "int.block.finding": "{part}이(가) “{token}”의 로짓에 써 넣은 값은 {direct:+.3f}입니다. 제거하면 "
    "이 로짓이 {before:.3f}에서 {after:.3f}(으)로 바뀝니다({total:+.3f}). 그중 "
    "{gone:+.3f}은(는) 그 부분층의 몫이 사라진 것이고, {indirect:+.3f}은(는) 그 뒤의 "
    "부분층들이 달라진 만큼입니다.",
    "int.block.chart_title": "“{token}”의 로짓은 누가 썼는가",
    # block page: sublayer sweep
    "int.sweep.title": "모든 부분층을 하나씩 제거하기",
    "int.sweep.text": "모델의 모든 어텐션과 모든 MLP를 하나씩 따로 제거해 보고, 예측한 토큰 "
    "“{token}”의 log p가 얼마나 떨어지는지 봅니다.",
    "int.sweep.button": "부분층 {n}개를 하나씩 제거해 보기",
    "int.sweep.press": "버튼을 누르세요. 제거 {n}번을 순전파 몇 번으로 묶어 계산합니다.",
    "int.sweep.caption": "빨간색: 예측이 그 부분층을 필요로 했습니다(없으면 log p가 떨어집니다). "
    "파란색: 예측을 거슬렀습니다. 가장 크게 떨어뜨린 것은 {top}입니다"
    "({d:+.3f}). 부분층 {n}개 중 {small}개는 log p를 0.1보다 적게 움직입니다.",
    "int.col.layer": "층",
    "int.col.sublayer": "부분층",
    "int.col.drop": "log p 하락",
    "int.sub.attn": "어텐션",
    "int.sub.mlp": "MLP",
    # block page: activation patching
    "int.patch.title": "활성값 패칭: 사실은 어디로 이동하는가",
    "int.patch.text": "한 단어만 다른 두 프롬프트가 있습니다. *오염된* 프롬프트를 실행하되, 한 층의 한 "
    "위치에서만 *깨끗한* 프롬프트의 잔차 스트림을 되돌려 넣고, 깨끗한 답이 얼마나 "
    "돌아오는지 봅니다. 모든 층과 모든 위치에 대해 해 봅니다.",
    "int.patch.clean": "깨끗한 프롬프트",
    "int.patch.corrupt": "오염된 프롬프트(단어 하나를 바꿈)",
    "int.patch.clean_default": "The Eiffel Tower is in the city of",
    "int.patch.corrupt_default": "The Colosseum is in the city of",
    "int.patch.example": "{a} / {b}",
    "int.patch.example_help": "이 프롬프트 쌍을 두 입력란에 넣습니다.",
    "int.patch.tokens": "깨끗한 프롬프트: {clean}  \n오염된 프롬프트: {corrupt}",
    "int.patch.answer_clean": "깨끗한 답(깨끗한 프롬프트의 상위 예측)",
    "int.patch.answer_corrupt": "오염된 답(오염된 프롬프트의 상위 예측)",
    "int.patch.same_answers": "두 답이 같은 토큰이라 되돌릴 차이가 없습니다. 서로 다른 토큰 두 개를 고르세요.",
    "int.patch.diffs": "로짓 차이 “{a}” − “{b}”: 깨끗한 프롬프트에서 {clean:+.2f}, 오염된 "
    "프롬프트에서 {corrupt:+.2f}입니다.",
    "int.patch.button": "모든 층 × 위치 패칭하기(실행 {n}번)",
    "int.patch.press": "버튼을 누르세요. 패칭한 실행 {n}번을 순전파 몇 번으로 묶어 계산합니다.",
    "int.patch.caption": "복원율: 로짓 차이의 (패칭 − 오염) ÷ (깨끗 − 오염)이며, 1이면 깨끗한 답이 "
    "완전히 돌아온 것입니다. 0번 블록에 들어갈 때는 “{first_token}” 위치에서 "
    "가장 많이 돌아옵니다({first:.0%}). {moved}",
    "int.patch.moved": "{layer}번 블록부터는 마지막 토큰 “{last_token}”에서 가장 많이 돌아옵니다"
    "(마지막 블록에 들어갈 때 {last:.0%}). 그때쯤 정보가 그 위치로 옮겨 간 "
    "것입니다.",
    "int.patch.not_moved": "여기서는 마지막 토큰이 가장 많이 복원하는 층이 없습니다.",
    "int.col.block_input": "들어가는 블록",
    "int.col.position": "위치",
    "int.col.restored": "복원율",
    # positional page
    "int.pos.title": "위치 정보 없애기: 직접 재 보기",
    "int.pos.text_learned": "이 모델은 토큰마다 학습된 위치 벡터를 더합니다. 여기서는 위치 벡터를 "
    "모두 0으로 바꾸고, 같은 단어를 두 가지 순서로 배열하되 같은 토큰으로 "
    "끝나는 두 문장에 모델을 다시 실행합니다.",
    "int.pos.text_rotary": "이 모델은 위치가 커질수록 커지는 각도만큼 Query와 Key를 회전합니다. "
    "여기서는 모든 각도를 0으로 바꾸고(Query와 Key를 전혀 회전하지 않습니다), "
    "같은 단어를 두 가지 순서로 배열하되 같은 토큰으로 끝나는 두 문장에 모델을 "
    "다시 실행합니다.",
    "int.pos.a": "한 가지 순서의 단어",
    "int.pos.b": "같은 단어, 다른 순서",
    "int.pos.default_a": "The dog bites the man .",
    "int.pos.default_b": "The man bites the dog .",
    "int.pos.not_same": "이 측정에는 같은 토큰을 다른 순서로 놓고 같은 토큰으로 끝나는 두 문장이 "
    "필요합니다. 지금 두 문장은 그렇지 않습니다(토큰 {a}개와 {b}개, 마지막 토큰 "
    "“{la}”, “{lb}”).",
    "int.pos.first_off": "0번 블록, 마지막 토큰: 위치 정보를 없앴을 때",
    "int.pos.first_on": "0번 블록, 마지막 토큰: 위치 정보가 있을 때",
    "int.pos.difference": "|x₁ − x₂| ÷ |x₁| = {d:.1e}",
    "int.pos.caption": "위치 정보를 없애면 마지막 토큰은 두 순서에서 같은 토큰 묶음에 어텐션을 "
    "주므로 같은 값으로 0번 블록을 나옵니다(차이 {off:.1e}은(는) 부동소수점 "
    "반올림 오차입니다). 1번 블록 뒤의 차이는 {off2:.3f}, 마지막 블록 뒤에는 "
    "{offL:.3f}입니다. 앞쪽 토큰들이 인과 마스크 때문에 서로 다른 앞 단어를 "
    "보았고, 마지막 토큰이 그 결과를 읽기 때문입니다. 위치 정보가 없어도 순서가 "
    "새어 들어옵니다. 위치 정보가 있으면 0번 블록 뒤에 이미 {on:.3f}만큼 "
    "다릅니다.",
    "int.col.block": "블록 뒤",
    "int.col.difference": "마지막 토큰의 |x₁ − x₂| ÷ |x₁|",
    "int.col.positions": "위치 정보",
    "int.positions.off": "없앰",
    "int.positions.on": "있음",
}
