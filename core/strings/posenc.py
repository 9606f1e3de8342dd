"""Positional encoding page (keys "posenc.*": "positional.*" names the schemes on Home)."""

EN = {
    "posenc.title": "Positional encoding",
    "posenc.heading": "Where is each word? Positional encodings",
    "posenc.intro": "Self-attention compares every token with every other token at once. "
    "Nothing in that comparison says which token came first — shuffle the "
    "words and each token gets the same vectors to look at. So the position "
    "has to be put in: the original Transformer adds fixed sine waves, GPT-2 "
    "adds learned position vectors, and Llama-family models rotate q and k.",
    "posenc.why": "1. Why position matters",
    "posenc.sentence_a": "Sentence",
    "posenc.sentence_b": "The same words in another order",
    "posenc.default_a": "the dog bit the man",
    "posenc.default_b": "the man bit the dog",
    "posenc.same_bag": "Both sentences are the same {n} tokens — the same bag of token "
    "vectors. The only difference is the order.",
    "posenc.not_same_bag": "These two aren't the same tokens in another order; the table "
    "pairs up the tokens they share.",
    "posenc.col.token": "Token",
    "posenc.col.pos_a": "Position (1st)",
    "posenc.col.pos_b": "Position (2nd)",
    "posenc.col.cos_row": "cos: token rows",
    "posenc.col.cos_input": "cos: input to block 0",
    "posenc.col.cos_block1": "cos: after block 0",
    "posenc.why_learned": "Each row compares one token's vector in the two sentences. The "
    "token rows are identical (cosine 1). This model adds a learned "
    "position vector before block 0, so a token that moved already "
    "enters the network as a different vector. (A GPT-style model also "
    "hides later tokens from earlier ones, which leaks a little order "
    "even without positions.)",
    "posenc.why_rotary": "Each row compares one token's vector in the two sentences. This "
    "model adds nothing to the token rows, so the input to block 0 is "
    "exactly the same bag (cosine 1). Order enters inside attention, "
    "where q and k are rotated by their position — after block 0 the "
    "vectors differ. (A GPT-style model also hides later tokens from "
    "earlier ones, which leaks a little order by itself.)",
    "posenc.sinusoidal": "2. Sinusoidal encodings (Vaswani et al., 2017)",
    "posenc.sinusoidal_text": "Each position gets a vector of sines and cosines. Pair i "
    "oscillates with frequency ω_i = 1/10000^(2i/d): the first "
    "pairs turn fast, the last ones so slowly they barely move "
    "over a whole text. Nothing is learned.",
    "posenc.length": "Positions",
    "posenc.width": "Dimensions d_model",
    "posenc.col.value": "Value",
    "posenc.col.dimension": "Dimension",
    "posenc.col.position": "Position",
    "posenc.sinusoidal_caption": "Rows: positions; columns: dimensions. Left columns change "
    "from row to row (fast waves), right columns hardly at all "
    "(slow waves). Each row is a different pattern — a "
    "barcode for its position.",
    "posenc.waves": "A few waves on their own",
    "posenc.collide": "Circled: positions 0 and 6. On the fastest wave alone they almost "
    "collide — sin(0) = {s0:.3f} vs sin(6) = {s6:.3f}, cos(0) = {c0:.3f} "
    "vs cos(6) = {c6:.3f}: on that pair, 0 and 6 are {f06:.3f} apart, "
    "closer than the neighbours 0 and 1 ({f01:.3f}). The slower waves tell "
    "them apart: with all {d} dimensions 0 and 6 are {a06:.3f} apart, 0 "
    "and 1 only {a01:.3f}.",
    "posenc.learned": "3. Learned positions: {name}",
    "posenc.learned_text": "This model has a matrix with one learned row for each of its "
    "{n:,} positions ({d} numbers each), trained like every other "
    "weight and added to the token's row.",
    "posenc.rows": "Positions shown",
    "posenc.cols": "Dimensions shown",
    "posenc.learned_caption": "The first rows and columns of the model's position matrix. "
    "In the trained GPT-2, smooth wave-like stripes appear: it "
    "learned something close to sinusoids on its own.",
    "posenc.path": "The path of the positions",
    "posenc.axis": "Principal axis {n} ({p:.0%} of the variance)",
    "posenc.col.norm": "Length of the position vector",
    "posenc.path_caption": "Left: all {n:,} position vectors squeezed onto their two main "
    "directions (they keep {kept:.0%} of the spread), joined in order. "
    "Trained GPT-2 traces a smooth curve (a helix seen from the side): "
    "nearby positions get nearby vectors. Right: each vector's "
    "length by position.",
    "posenc.rotary": "3. Rotary positions: {name}",
    "posenc.rotary_text": "This model has no position matrix. Inside every attention head, "
    "the {dh} numbers of q and k are taken as {pairs} pairs, and pair i "
    "is turned by the angle position × θ_i, with θ_i = "
    "{base:,.0f}^(−2i/{dh}).",
    "posenc.rotary_text_partial": "This model has no position matrix. Inside every attention "
    "head, only the first {rot} of the {dh} numbers of q and k "
    "rotate: they are taken as {pairs} pairs, and pair i is "
    "turned by the angle position × θ_i, with θ_i = "
    "{base:,.0f}^(−2i/{rot}). The other {rest} numbers carry no "
    "position at all (partial rotary).",
    "posenc.rotary_layout.halves": "Pair i is numbers i and i + {half} (i = 0 … {last}): the first "
    "half of the rotated numbers turns against the second half.",
    "posenc.rotary_layout.pairs": "Pair i is numbers 2i and 2i + 1 (i = 0 … {last}): neighbouring "
    "numbers turn together.",
    "posenc.col.cos_angle": "cos(position × θ_i)",
    "posenc.col.pair": "Pair i",
    "posenc.col.wavelength": "Positions per full turn",
    "posenc.rotary_caption": "Top: the cosine of each pair's angle by position — fast pairs on "
    "the left, slow ones on the right, the same waves as the "
    "sinusoidal encoding. Bottom: how many positions a pair needs "
    "for one full turn (log scale).",
    "posenc.side": "4. Side by side",
    "posenc.matrix_size": "Positions in the matrices",
    "posenc.kind.sinusoidal": "Sinusoidal",
    "posenc.kind.learned": "Learned (this model)",
    "posenc.kind.rotary": "Rotary (this model)",
    "posenc.col.key_position": "Key position n",
    "posenc.col.query_position": "Query position m",
    "posenc.col.other": "Position",
    "posenc.col.cosine": "Cosine similarity",
    "posenc.col.distance": "Distance between positions",
    "posenc.col.kind": "Encoding",
    "posenc.side_caption_learned": "Top: cosine similarity between every two positions "
    "(sinusoidal with d = {d}, the model's width). Bottom: "
    "the average over all pairs at each distance. Both fall "
    "off with distance: near positions look alike, far ones "
    "don't.",
    "posenc.side_caption_rotary": "Top: cosine similarity between every two positions "
    "(sinusoidal with d = {d}, the model's width); for rotary, "
    "how much a vector still agrees with itself after being "
    "rotated to a position k away, mean cos(k θ_i) over its "
    "{dh}-number head. It depends on the distance only, so "
    "its matrix is constant along each diagonal.",
    "posenc.relative": "5. Relative offsets are rotations",
    "posenc.relative_text": "Moving k positions on turns each (sin, cos) pair by the same "
    "angle k ω_i, whatever the starting position. So PE(pos + k) is a "
    "fixed rotation of PE(pos), and the dot product of two positions "
    "depends only on how far apart they are. Below it is computed "
    "with the sliders of section 2, not assumed.",
    "posenc.offset": "Offset k",
    "posenc.odd": "d_model = {d} is odd: the last sine has no cosine to turn with, so this "
    "section uses the first {even} dimensions.",
    "posenc.too_short": "With {n} positions there is no pair {k} apart: raise the number of positions or lower k.",
    "posenc.dot_min": "Smallest PE(p)·PE(p+k)",
    "posenc.dot_max": "Largest PE(p)·PE(p+k)",
    "posenc.rotation_error": "Largest |R_k·PE(p) − PE(p+k)|",
    "posenc.col.dot": "PE(p) · PE(p+{k})",
    "posenc.relative_caption": "The dot product of every position p with position p + {k} "
    "(d = {d}): a flat line, the same number for every p.",
    "posenc.rope": "Rotary encoding puts the rotation into attention",
    "posenc.rope_text_rotary": "{name} does exactly this inside attention: it rotates the "
    "query at position m by m θ and the key at position n by n θ. "
    "Rotations keep lengths and only the angle between them "
    "counts, so q·k depends on m − n: attention sees relative "
    "positions. Below: two example {dh}-number vectors, rotated "
    "with this model's θ.",
    "posenc.rope_text_learned": "Llama-family models (like the offline default, "
    "SmolLM2) don't add a position vector at all: they rotate "
    "the query at position m by m θ and the key at position n by "
    "n θ, so q·k depends only on m − n. {name} doesn't do this; "
    "below: two example {dh}-number vectors with the usual "
    "θ_i = 10000^(−2i/{dh}).",
    "posenc.col.score": "q_m · k_n",
    "posenc.rope_caption": "The same two vectors at every pair of positions: each diagonal "
    "(fixed m − n) has one colour. Largest difference along any "
    "diagonal: {spread:.1e}.",
    "posenc.end": "Where absolute positions end",
    "posenc.col.sin_norm": "|sinusoid|",
    "posenc.col.sin_first": "Sinusoid, first 4 numbers",
    "posenc.col.learned_norm": "|learned vector|",
    "posenc.end_learned": (
        "{name} learned one vector per position: its table has {rows:,} rows, positions "
        "0 to {rows:,} − 1. Position {n:,} has no vector at all (—), so the model cannot "
        "read a longer text. The sine waves have no table: they go on for any position."
    ),
    "posenc.end_rotary": (
        "{name} has no table of positions: rotary angles, like the sine waves, exist for any "
        "position. It was trained on at most {n:,} positions, though — beyond that the angles "
        "are ones it has never seen."
    ),
}

KO = {
    "posenc.title": "위치 인코딩",
    "posenc.heading": "각 단어는 어디에 있을까? 위치 인코딩",
    "posenc.intro": "셀프 어텐션은 모든 토큰을 다른 모든 토큰과 한꺼번에 비교합니다. 그런데 "
    "그 비교 어디에도 어느 토큰이 먼저 왔는지는 들어 있지 않습니다. 단어 "
    "순서를 섞어도 각 토큰이 보는 벡터는 그대로입니다. 그래서 위치를 따로 "
    "넣어 줘야 합니다. 원래 트랜스포머는 고정된 사인파를 더하고, GPT-2는 "
    "학습된 위치 벡터를 더하며, Llama 계열은 q와 k를 회전시킵니다.",
    "posenc.why": "1. 위치가 왜 필요한가",
    "posenc.sentence_a": "문장",
    "posenc.sentence_b": "같은 단어를 다른 순서로",
    "posenc.default_a": "the dog bit the man",
    "posenc.default_b": "the man bit the dog",
    "posenc.same_bag": "두 문장은 똑같은 토큰 {n}개, 즉 똑같은 토큰 벡터 묶음입니다. 다른 것은 순서뿐입니다.",
    "posenc.not_same_bag": "두 문장은 같은 토큰을 순서만 바꾼 것이 아닙니다. 표에는 두 문장에 "
    "공통으로 있는 토큰끼리 짝지어 보여 줍니다.",
    "posenc.col.token": "토큰",
    "posenc.col.pos_a": "위치 (첫 문장)",
    "posenc.col.pos_b": "위치 (둘째 문장)",
    "posenc.col.cos_row": "cos: 토큰 행",
    "posenc.col.cos_input": "cos: 0번 블록 입력",
    "posenc.col.cos_block1": "cos: 0번 블록 뒤",
    "posenc.why_learned": "각 행은 한 토큰의 벡터를 두 문장에서 비교한 것입니다. 토큰 행은 "
    "완전히 같습니다(코사인 1). 이 모델은 0번 블록에 들어가기 전에 학습된 "
    "위치 벡터를 더하므로, 자리를 옮긴 토큰은 처음부터 다른 벡터로 "
    "들어갑니다. (GPT 계열 모델은 앞 토큰이 뒤 토큰을 보지 못하게 가리기 "
    "때문에, 위치 정보가 없어도 순서가 조금은 새어 들어갑니다.)",
    "posenc.why_rotary": "각 행은 한 토큰의 벡터를 두 문장에서 비교한 것입니다. 이 모델은 "
    "토큰 행에 아무것도 더하지 않으므로 0번 블록의 입력은 정확히 같은 "
    "묶음입니다(코사인 1). 순서는 어텐션 안에서 q와 k를 위치만큼 "
    "회전시킬 때 들어가고, 그래서 0번 블록을 지나면 벡터가 달라집니다. "
    "(GPT 계열 모델은 앞 토큰이 뒤 토큰을 보지 못하게 가리기 때문에, "
    "그것만으로도 순서가 조금 새어 들어갑니다.)",
    "posenc.sinusoidal": "2. 사인파 위치 인코딩 (Vaswani 외, 2017)",
    "posenc.sinusoidal_text": "위치마다 사인과 코사인으로 이루어진 벡터를 하나씩 줍니다. i번째 "
    "쌍은 ω_i = 1/10000^(2i/d)의 진동수로 회전합니다. 앞쪽 쌍은 빨리 "
    "돌고, 뒤쪽 쌍은 긴 글 전체에서도 거의 움직이지 않을 만큼 "
    "천천히 회전합니다. 학습되는 값은 하나도 없습니다.",
    "posenc.length": "위치 수",
    "posenc.width": "차원 수 d_model",
    "posenc.col.value": "값",
    "posenc.col.dimension": "차원",
    "posenc.col.position": "위치",
    "posenc.sinusoidal_caption": "행은 위치, 열은 차원입니다. 왼쪽 열은 행마다 값이 바뀌고"
    "(빠른 파동), 오른쪽 열은 거의 그대로입니다(느린 파동). 행마다 "
    "무늬가 달라서, 각 행이 그 위치의 바코드 역할을 합니다.",
    "posenc.waves": "파동 몇 개만 따로 보기",
    "posenc.collide": "동그라미는 위치 0과 6입니다. 가장 빠른 파동 하나만 보면 둘은 거의 "
    "겹칩니다. sin(0) = {s0:.3f}, sin(6) = {s6:.3f}, cos(0) = {c0:.3f}, "
    "cos(6) = {c6:.3f}이므로 이 쌍에서 0과 6의 거리는 {f06:.3f}(으)로, 바로 "
    "옆인 0과 1의 거리({f01:.3f})보다도 가깝습니다. 느린 파동들이 둘을 "
    "구별해 줍니다. {d}개 차원을 모두 쓰면 0과 6은 {a06:.3f}, 0과 1은 "
    "{a01:.3f}만큼만 떨어져 있습니다.",
    "posenc.learned": "3. 학습된 위치 벡터: {name}",
    "posenc.learned_text": "이 모델에는 위치 {n:,}개마다 학습된 행이 하나씩(행마다 숫자 {d}개) "
    "있는 행렬이 있습니다. 이 행렬은 다른 가중치처럼 학습되며, 토큰의 "
    "행에 더해집니다.",
    "posenc.rows": "보여 줄 위치 수",
    "posenc.cols": "보여 줄 차원 수",
    "posenc.learned_caption": "모델의 위치 행렬 중 앞쪽 행과 열입니다. 학습된 GPT-2에서는 "
    "부드러운 물결무늬가 나타납니다. 사인파와 비슷한 것을 스스로 "
    "배운 셈입니다.",
    "posenc.path": "위치 벡터가 그리는 길",
    "posenc.axis": "주성분 {n} (분산의 {p:.0%})",
    "posenc.col.norm": "위치 벡터의 길이",
    "posenc.path_caption": "왼쪽: 위치 벡터 {n:,}개를 가장 크게 퍼진 두 방향에 펼쳐 순서대로 "
    "이은 것입니다(전체 분산의 {kept:.0%}이(가) 남습니다). 학습된 "
    "GPT-2는 매끄러운 곡선(옆에서 본 나선)을 그립니다. 가까운 위치는 "
    "가까운 벡터를 받는다는 뜻입니다. 오른쪽: 위치별 벡터의 길이.",
    "posenc.rotary": "3. 회전 위치 인코딩: {name}",
    "posenc.rotary_text": "이 모델에는 위치 행렬이 없습니다. 어텐션 헤드마다 q와 k의 숫자 "
    "{dh}개를 {pairs}개의 쌍으로 묶고, i번째 쌍을 ‘위치 × θ_i’만큼 "
    "회전시킵니다. 여기서 θ_i = {base:,.0f}^(−2i/{dh})입니다.",
    "posenc.rotary_text_partial": "이 모델에는 위치 행렬이 없습니다. 어텐션 헤드마다 q와 k의 "
    "숫자 {dh}개 가운데 앞의 {rot}개만 회전합니다. 이 {rot}개를 "
    "{pairs}개의 쌍으로 묶고, i번째 쌍을 ‘위치 × θ_i’만큼 "
    "회전시킵니다. 여기서 θ_i = {base:,.0f}^(−2i/{rot})입니다. "
    "나머지 {rest}개에는 위치 정보가 전혀 들어가지 않습니다(부분 "
    "회전, partial rotary).",
    "posenc.rotary_layout.halves": "i번째 쌍은 i번 숫자와 i + {half}번 숫자입니다(i = 0 … {last}). "
    "회전하는 숫자의 앞쪽 절반이 뒤쪽 절반과 짝을 지어 회전합니다.",
    "posenc.rotary_layout.pairs": "i번째 쌍은 2i번 숫자와 2i + 1번 숫자입니다(i = 0 … {last}). "
    "이웃한 두 숫자가 함께 회전합니다.",
    "posenc.col.cos_angle": "cos(위치 × θ_i)",
    "posenc.col.pair": "쌍 i",
    "posenc.col.wavelength": "한 바퀴 도는 데 필요한 위치 수",
    "posenc.rotary_caption": "위: 위치별로 각 쌍의 회전각 코사인입니다. 왼쪽은 빠른 쌍, "
    "오른쪽은 느린 쌍으로, 사인파 인코딩과 같은 파동입니다. 아래: "
    "각 쌍이 한 바퀴 도는 데 필요한 위치 수(로그 눈금).",
    "posenc.side": "4. 나란히 비교하기",
    "posenc.matrix_size": "행렬에 넣을 위치 수",
    "posenc.kind.sinusoidal": "사인파",
    "posenc.kind.learned": "학습된 위치 (이 모델)",
    "posenc.kind.rotary": "회전 위치 (이 모델)",
    "posenc.col.key_position": "Key 위치 n",
    "posenc.col.query_position": "Query 위치 m",
    "posenc.col.other": "위치",
    "posenc.col.cosine": "코사인 유사도",
    "posenc.col.distance": "위치 사이의 거리",
    "posenc.col.kind": "인코딩",
    "posenc.side_caption_learned": "위: 모든 두 위치 사이의 코사인 유사도(사인파는 모델 너비와 "
    "같은 d = {d}). 아래: 거리별로 모든 쌍을 평균한 값. 둘 다 "
    "거리가 멀수록 값이 떨어집니다. 가까운 위치는 서로 닮았고, "
    "먼 위치는 닮지 않았습니다.",
    "posenc.side_caption_rotary": "위: 모든 두 위치 사이의 코사인 유사도(사인파는 모델 너비와 "
    "같은 d = {d}). 회전 위치 인코딩에서는 한 벡터를 k만큼 떨어진 "
    "위치로 회전시켰을 때 자기 자신과 얼마나 같은 방향인지, 즉 "
    "{dh}차원 헤드 전체에 대한 cos(k θ_i)의 평균입니다. 이 값은 "
    "거리에만 달려 있으므로 행렬의 대각선마다 값이 일정합니다.",
    "posenc.relative": "5. 회전으로 나타나는 상대 위치",
    "posenc.relative_text": "k칸 옮겨 가면 (sin, cos) 쌍마다 시작 위치와 상관없이 같은 각도 "
    "k ω_i만큼 회전합니다. 그래서 PE(pos + k)는 PE(pos)를 고정된 행렬로 "
    "회전시킨 것이고, 두 위치의 내적은 둘 사이의 거리에만 "
    "달려 있습니다. 아래 값은 가정이 아니라 2절의 슬라이더 설정으로 "
    "직접 계산한 것입니다.",
    "posenc.offset": "간격 k",
    "posenc.odd": "d_model = {d}은(는) 홀수라서 마지막 사인에는 함께 돌 코사인이 없습니다. 이 "
    "절에서는 앞의 {even}개 차원만 씁니다.",
    "posenc.too_short": "위치가 {n}개뿐이라 {k}칸 떨어진 쌍이 없습니다. 위치 수를 늘리거나 k를 줄이세요.",
    "posenc.dot_min": "PE(p)·PE(p+k)의 최솟값",
    "posenc.dot_max": "PE(p)·PE(p+k)의 최댓값",
    "posenc.rotation_error": "|R_k·PE(p) − PE(p+k)|의 최댓값",
    "posenc.col.dot": "PE(p) · PE(p+{k})",
    "posenc.relative_caption": "모든 위치 p에 대해 p와 p + {k}의 내적입니다(d = {d}). "
    "p가 달라져도 값이 같아 평평한 직선이 됩니다.",
    "posenc.rope": "회전 위치 인코딩: 그 회전을 어텐션 안으로",
    "posenc.rope_text_rotary": "{name}은(는) 어텐션 안에서 바로 이 일을 합니다. 위치 m의 "
    "Query는 m θ만큼, 위치 n의 Key는 n θ만큼 회전시킵니다. 회전은 "
    "길이를 바꾸지 않고 둘 사이의 각도만 남기므로 q·k는 m − n에만 "
    "달려 있습니다. 즉 어텐션이 상대 위치를 보게 됩니다. 아래는 "
    "{dh}차원 예시 벡터 두 개를 이 모델의 θ로 회전시킨 결과입니다.",
    "posenc.rope_text_learned": "Llama 계열 모델(오프라인 기본 모델 SmolLM2 포함)은 위치 "
    "벡터를 아예 더하지 않습니다. 위치 m의 Query는 m θ만큼, 위치 "
    "n의 Key는 n θ만큼 회전시켜 q·k가 m − n에만 달려 있게 "
    "합니다. {name}은(는) 이 방식을 쓰지 않으므로, 아래는 {dh}차원 "
    "예시 벡터 두 개에 흔히 쓰는 θ_i = 10000^(−2i/{dh})를 적용한 "
    "결과입니다.",
    "posenc.col.score": "q_m · k_n",
    "posenc.rope_caption": "같은 두 벡터를 모든 위치 쌍에 놓았습니다. 대각선(m − n이 "
    "일정)마다 색이 하나입니다. 어느 대각선에서든 가장 큰 차이: "
    "{spread:.1e}.",
    "posenc.end": "절대 위치는 어디서 끝날까",
    "posenc.col.sin_norm": "|사인파 벡터|",
    "posenc.col.sin_first": "사인파, 앞의 숫자 4개",
    "posenc.col.learned_norm": "|학습된 벡터|",
    "posenc.end_learned": (
        "{name}은(는) 위치마다 벡터를 하나씩 학습했습니다. 그 표는 {rows:,}행, 곧 위치 0부터 "
        "{rows:,} − 1까지입니다. 위치 {n:,}에는 벡터가 아예 없으므로(—) 모델은 더 긴 "
        "텍스트를 읽을 수 없습니다. 사인파에는 표가 없어서 어떤 위치든 계속 만들 수 있습니다."
    ),
    "posenc.end_rotary": (
        "{name}에는 위치 표가 없습니다. 회전 각도는 사인파처럼 어떤 위치에서든 계산할 수 "
        "있습니다. 다만 학습 때 본 위치는 최대 {n:,}개이므로, 그 너머의 각도는 모델이 한 번도 "
        "본 적 없는 값입니다."
    ),
}
