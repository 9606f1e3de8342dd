"""Attention page."""

EN = {
    "attention.title": "Attention",
    "attention.heading": "Attention: who looks at whom",
    "attention.intro": (
        "Each token builds a query q, every token a key k and a value v. A head compares "
        "the query with its own key and every earlier one, turns the scores into "
        "weights with softmax, and takes the weighted sum of the values. Every number "
        "here comes from the loaded model's own weights."
    ),
    "attention.prompt": "Prompt",
    "attention.default": "Data visualization empowers users to",
    "attention.try": "The lecture notes' example sentence.",
    "attention.layer": "Layer",
    "attention.head": "Head",
    "attention.query": "Query token",
    "attention.one_head": "One head",
    "attention.one_head_caption": "Rows: the query token; columns: the key token it looks at. "
    "Grey cells above the diagonal are masked (−∞ before "
    "softmax): a token cannot see the future. The selected query "
    "row is outlined.",
    "attention.col.query": "Query token",
    "attention.col.key": "Key token",
    "attention.col.weight": "Weight",
    "attention.masked": "masked",
    "attention.grid": "All heads",
    "attention.grid_caption": "Layers (rows) × heads (columns), {n} heads, on the first {t} "
    "tokens. Look for previous-token heads (a line just below the "
    "diagonal), first-token heads (a bright first column) and spread-out "
    "heads (many tokens about evenly).",
    "attention.grid_capped": "The grid uses only the first {t} of {total} tokens so it stays "
    "responsive; the other views use all of them.",
    "attention.stats": "Head statistics",
    "attention.stats_caption": "One cell per head. Pick a statistic, then jump to an "
    "interesting head with the selectors below.",
    "attention.stat": "Statistic",
    "attention.stat.entropy": "Entropy (bits, averaged over rows): high = broad",
    "attention.stat.first": "Mean attention to the first token (attention sink)",
    "attention.stat.previous": "Mean attention to the previous token",
    "attention.col.layer": "Layer",
    "attention.col.head": "Head",
    "attention.col.value": "Value",
    "attention.steps": "Step by step: layer {layer}, head {head}, query “{token}”",
    "attention.steps_intro_pre": "The same head recomputed from the layer's weights and its real "
    "input (after the block's {norm}). d_k = {dk}, so the scores are "
    "multiplied by {scale:.4f}.",
    "attention.steps_intro_post": "The same head recomputed from the layer's weights and its real "
    "input: the stream itself (this model applies its {norm} after "
    "each sublayer, not before). d_k = {dk}, so the scores are "
    "multiplied by {scale:.4f}.",
    "attention.steps_rotary": "This model uses rotary positions: q and k below are already "
    "rotated by their position ({rot} of each head's {dh} numbers turn).",
    "attention.steps_grouped": "Query head {head} reads key/value head {kv}, which it shares with "
    "{others} other query head(s) of its group.",
    "attention.step.q": "1. The query vector q (first {n} of {d} numbers)",
    "attention.step.k": "The key vectors k of every token it may look at (one row each, first {n} numbers); q · k is "
    "the sum of the element-wise products of q's row and a k row over all {d} numbers.",
    "attention.step.scores": "2–5. Dot products q·k, ÷√d_k, mask, softmax",
    "attention.col.dot": "q·k",
    "attention.col.scaled": "q·k / √d_k",
    "attention.col.masked": "+ mask",
    "attention.col.softmax": "softmax",
    "attention.steps_sum": "The weights of this row add up to {s:.6f}.",
    "attention.step.output": "6. The weighted sum of v: each value vector times its weight, "
    "added up (first {n} of {d} numbers)",
    "attention.col.dim": "Dimension",
    "attention.col.contribution": "Weight × v",
    "attention.multi": "Many heads at once",
    "attention.multi_text": "All {h} heads of a layer run side by side, each on its own "
    "{dh}-number slice. Their outputs are concatenated back to "
    "{h} × {dh} = {hd} numbers per token and multiplied by the output "
    "projection W_O [{hd} × {d}], which mixes the heads and writes the "
    "result into the residual stream.",
    "attention.multi_kv": "Here only {kv} key/value heads are computed; each is shared by "
    "{g} query heads (grouped-query attention).",
    "attention.head_n": "head {h}",
    "attention.col.concat_dim": "Position in the concatenated vector",
    "attention.concat_len": "Heads side by side",
    "attention.concat_out": "Through W_O",
    "attention.concat_diff": "Max |ours − the model's|",
    "attention.concat_diff_help": "Our W_O · Concat(heads) at the last token against the attention "
    "output the model itself wrote in the forward pass (recorded, not "
    "recomputed).",
    "attention.concat_caption": "Token {token}, layer {layer}: each colour is one head's slice. Times "
    "W_O, these numbers are the layer's attention output; its length "
    "matches the model's own at every token to within {norm:.1e}.",
    "attention.caution": "**Careful:** an attention weight says where a head read from, not "
    "why the model predicts what it predicts. Values, the output "
    "projection, the MLPs and the other {n} heads all matter; attention "
    "maps alone are not an explanation.",
    "attention.search": "Q, K and V: a search",
    "attention.search_text": (
        "Think of a search engine. The **query** is what a token is looking for, the "
        "**key** is how each token is labelled for the search, and the **value** is "
        "what it hands over when it is found. All three are the same token vector "
        "multiplied by three different learned matrices, W_Q, W_K and W_V."
    ),
    "attention.search_why": (
        "Why not compare the token vectors directly? A vector is most like itself: "
        "with the raw embedding rows, x_i · x_j, {raw:.0%} of the tokens here would "
        "find their best match in themselves (or the same word earlier). With "
        "layer {layer}, head {h}'s own W_Q and W_K, {head:.0%} do — the projections "
        "let a token look for something other than itself."
    ),
    "attention.col.raw_best": "Best match, raw embeddings x·x",
    "attention.col.head_best": "Best match, this head (q·k)",
    "attention.search_caption": (
        "Keys up to the query itself, as the causal mask allows. The head's best "
        "match is where its attention weight is largest."
    ),
    "attention.why_scale": "Why divide by √d_k?",
    "attention.why_scale_text": (
        "If q and k have d_k independent parts with mean 0 and variance 1, their dot "
        "product has variance d_k: its spread grows like √d_k. Measured below on "
        "random vectors, with the formula as a line. Without the division, wide "
        "heads would feed softmax very large numbers and it would put almost all "
        "the weight on one key — the gradients through the others vanish."
    ),
    "attention.col.spread": "Spread of q·k (standard deviation)",
    "attention.version.scaled": "÷ √{dk} (as the model does)",
    "attention.version.unscaled": "not divided",
    "attention.entropy_scaled": "Entropy of the row, divided by √d_k",
    "attention.entropy_unscaled": "Entropy of the row, not divided",
    "attention.bits": "{h:.2f} bits",
    "attention.why_scale_caption": (
        "This head's real scores for the chosen query, with and without the ÷√{dk}: "
        "undivided, the largest weight is {top:.1%} (divided: {top_scaled:.1%})."
    ),
}

KO = {
    "attention.title": "어텐션",
    "attention.heading": "어텐션: 어느 토큰이 어느 토큰을 보는가",
    "attention.intro": "각 토큰은 Query 벡터 q를 만들고, 모든 토큰은 Key 벡터 k와 Value "
    "벡터 v를 만듭니다. 헤드는 한 토큰의 Query를 그 토큰의 Key, "
    "그리고 앞선 모든 토큰의 Key와 비교해 어텐션 "
    "스코어를 구하고, 소프트맥스로 스코어를 가중치로 바꾼 뒤 Value들의 "
    "가중합을 구합니다. 여기 나오는 숫자는 모두 불러온 모델의 실제 가중치로 "
    "계산한 것입니다.",
    "attention.prompt": "프롬프트",
    "attention.default": "Data visualization empowers users to",
    "attention.try": "강의 노트에 나오는 예문입니다.",
    "attention.layer": "층",
    "attention.head": "헤드",
    "attention.query": "Query 토큰",
    "attention.one_head": "헤드 하나 자세히 보기",
    "attention.one_head_caption": "행은 Query 토큰, 열은 그 토큰이 바라보는 Key 토큰입니다. "
    "대각선 위의 회색 칸은 마스킹된 자리(소프트맥스 전에 −∞)로, "
    "토큰은 미래를 볼 수 없습니다. 선택한 Query 행에는 테두리가 "
    "표시됩니다.",
    "attention.col.query": "Query 토큰",
    "attention.col.key": "Key 토큰",
    "attention.col.weight": "가중치",
    "attention.masked": "마스킹됨",
    "attention.grid": "모든 헤드 한눈에 보기",
    "attention.grid_caption": "행은 층, 열은 헤드입니다(헤드 {n}개, 앞의 토큰 {t}개 기준). "
    "이전 토큰 헤드(대각선 바로 아래의 줄), 첫 토큰 헤드(첫 열이 밝음), "
    "고르게 퍼진 헤드(여러 토큰을 비슷하게 봄)를 찾아보세요.",
    "attention.grid_capped": "격자가 느려지지 않도록 전체 토큰 {total}개 중 앞의 {t}개만 "
    "씁니다. 다른 그림에는 모든 토큰을 씁니다.",
    "attention.stats": "헤드별 통계",
    "attention.stats_caption": "칸 하나가 헤드 하나입니다. 통계를 고른 뒤, 눈에 띄는 헤드를 "
    "아래의 선택 상자에서 골라 자세히 보세요.",
    "attention.stat": "통계",
    "attention.stat.entropy": "엔트로피(비트, 행 평균): 클수록 넓게 봄",
    "attention.stat.first": "첫 토큰에 주는 평균 가중치(어텐션 싱크)",
    "attention.stat.previous": "이전 토큰(바로 앞 토큰)에 주는 평균 가중치",
    "attention.col.layer": "층",
    "attention.col.head": "헤드",
    "attention.col.value": "값",
    "attention.steps": "한 단계씩: {layer}번 층, {head}번 헤드, Query “{token}”",
    "attention.steps_intro_pre": "같은 헤드를 그 층의 가중치와 실제 입력(블록의 {norm}을(를) 거친 "
    "값)으로 다시 계산했습니다. d_k = {dk}이므로 스코어에 "
    "{scale:.4f}을(를) 곱합니다.",
    "attention.steps_intro_post": "같은 헤드를 그 층의 가중치와 실제 입력으로 다시 계산했습니다. "
    "실제 입력은 스트림 그대로입니다(이 모델은 {norm}을(를) 각 부분층의 "
    "앞이 아니라 뒤에 적용합니다). d_k = {dk}이므로 스코어에 "
    "{scale:.4f}을(를) 곱합니다.",
    "attention.steps_rotary": "이 모델은 회전 위치 인코딩(RoPE)을 씁니다. 아래의 q와 k는 이미 "
    "위치만큼 회전된 값입니다(헤드 숫자 {dh}개 가운데 {rot}개가 회전합니다).",
    "attention.steps_grouped": "Query 헤드 {head}번은 Key·Value 헤드 {kv}번을 읽습니다. 이 헤드는 같은 "
    "그룹의 다른 Query 헤드 {others}개와 함께 씁니다.",
    "attention.step.q": "1. Query 벡터 q ({d}개 중 앞의 {n}개)",
    "attention.step.k": "이 토큰이 볼 수 있는 각 토큰의 Key 벡터 k입니다(토큰마다 한 행, 앞의 {n}개). "
    "q · k는 q와 k 행에서 같은 자리의 값끼리 곱한 것을 {d}개 모두 더한 값입니다.",
    "attention.step.scores": "2–5. 내적 q·k, √d_k로 나누기, 마스크, 소프트맥스",
    "attention.col.dot": "q·k",
    "attention.col.scaled": "q·k / √d_k",
    "attention.col.masked": "+ 마스크",
    "attention.col.softmax": "소프트맥스",
    "attention.steps_sum": "이 행의 가중치를 모두 더하면 {s:.6f}입니다.",
    "attention.step.output": "6. v의 가중합: 각 Value 벡터에 가중치를 곱해 더한 결과 ({d}개 중 앞의 {n}개)",
    "attention.col.dim": "차원",
    "attention.col.contribution": "가중치 × v",
    "attention.multi": "여러 헤드를 한꺼번에",
    "attention.multi_text": "한 층의 헤드 {h}개는 나란히 동작하며, 각자 숫자 {dh}개짜리 조각을 "
    "맡습니다. 헤드들의 출력은 토큰마다 {h} × {dh} = {hd}개 숫자로 "
    "다시 이어 붙인 뒤 출력 투영 W_O [{hd} × {d}]를 곱합니다. 이 "
    "투영이 헤드들을 섞고, 그 결과를 잔차 스트림에 씁니다.",
    "attention.multi_kv": "이 모델은 Key·Value 헤드를 {kv}개만 계산하고, 각각을 Query 헤드 "
    "{g}개가 함께 씁니다(그룹 쿼리 어텐션, GQA).",
    "attention.head_n": "헤드 {h}",
    "attention.col.concat_dim": "이어 붙인 벡터 안의 위치",
    "attention.concat_len": "나란히 이어 붙인 헤드",
    "attention.concat_out": "W_O를 곱한 결과",
    "attention.concat_diff": "최대 |직접 계산 − 모델|",
    "attention.concat_diff_help": "마지막 토큰에서 직접 계산한 W_O · Concat(헤드)와, 모델이 순전파에서 "
    "실제로 낸 어텐션 출력(다시 계산하지 않고 기록한 값)의 차이입니다.",
    "attention.concat_caption": "토큰 {token}, {layer}번 층: 색 하나가 헤드 하나의 조각입니다. 여기에 "
    "W_O를 곱한 숫자가 이 층의 어텐션 출력이며, 그 크기는 모든 토큰에서 "
    "모델의 실제 출력과 {norm:.1e} 이내로 같습니다.",
    "attention.caution": "**유의할 점:** 어텐션 가중치는 헤드가 어디에서 정보를 읽었는지를 "
    "보여 줄 뿐, 모델이 왜 그렇게 예측했는지를 설명하지는 않습니다. "
    "Value 벡터, 출력 투영, MLP, 그리고 나머지 헤드 {n}개도 모두 영향을 "
    "줍니다. 어텐션 맵만으로는 설명이 되지 않습니다.",
    "attention.search": "Query, Key, Value: 검색에 빗대어 보기",
    "attention.search_text": (
        "검색 엔진을 떠올려 보세요. **Query**는 토큰이 찾고 있는 것, **Key**는 각 토큰이 "
        "검색에 걸리도록 붙인 꼬리표, **Value**는 검색에 걸렸을 때 넘겨주는 내용입니다. "
        "셋 모두 같은 토큰 벡터에 서로 다른 학습된 행렬 W_Q, W_K, W_V를 곱해 만듭니다."
    ),
    "attention.search_why": (
        "토큰 벡터끼리 바로 비교하면 안 될까요? 벡터는 자기 자신과 가장 닮았습니다. "
        "임베딩 행을 그대로 쓴 x_i · x_j로 비교하면, 여기 토큰 가운데 자기 자신(또는 "
        "앞에 나온 같은 단어)을 가장 잘 맞는 상대로 고르는 비율이 {raw:.0%}입니다. "
        "{layer}번 층 {h}번 헤드의 "
        "W_Q와 W_K를 거치면 그 비율이 {head:.0%}(으)로 바뀝니다. 투영 행렬 덕분에 토큰이 "
        "자신이 아닌 다른 것을 찾을 수 있습니다."
    ),
    "attention.col.raw_best": "가장 잘 맞는 Key, 임베딩 그대로 x·x",
    "attention.col.head_best": "가장 잘 맞는 Key, 이 헤드 (q·k)",
    "attention.search_caption": (
        "인과 마스크가 허락하는 대로 Query 자신까지의 Key만 봅니다. 헤드가 가장 잘 "
        "맞는다고 본 Key는 어텐션 가중치가 가장 큰 곳입니다."
    ),
    "attention.why_scale": "왜 √d_k로 나눌까?",
    "attention.why_scale_text": (
        "q와 k가 평균 0, 분산 1인 독립 성분 d_k개로 되어 있으면 두 벡터의 내적은 분산이 "
        "d_k입니다. 퍼짐(표준편차)이 √d_k에 비례해 커집니다. 아래는 무작위 벡터로 잰 값이고, "
        "선은 공식입니다. 나누지 않으면 너비가 넓은 헤드는 소프트맥스에 아주 큰 숫자를 "
        "넣게 되고, 소프트맥스는 거의 모든 가중치를 Key 하나에 몰아줍니다. 그러면 나머지 "
        "Key로 가는 기울기가 사라집니다."
    ),
    "attention.col.spread": "q·k의 퍼짐 (표준편차)",
    "attention.version.scaled": "÷ √{dk} (모델이 하는 대로)",
    "attention.version.unscaled": "나누지 않음",
    "attention.entropy_scaled": "행의 엔트로피, √d_k로 나눔",
    "attention.entropy_unscaled": "행의 엔트로피, 나누지 않음",
    "attention.bits": "{h:.2f}비트",
    "attention.why_scale_caption": (
        "고른 Query에 대한 이 헤드의 실제 스코어를 ÷√{dk} 한 경우와 안 한 경우입니다. "
        "나누지 않으면 가장 큰 가중치가 {top:.1%}(나누면 {top_scaled:.1%})입니다."
    ),
}
