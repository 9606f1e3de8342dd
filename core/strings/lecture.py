"""The lecture's remaining concepts, shown with the model's numbers: why the skip paths, why the
norm, embeddings are learned, the original architecture and the family tree, the lecture's
GPT-2 beside the model on screen."""

EN = {
    # why residual connections (block page)
    "lecture.residual": "Why the skip paths? The gradient through the depth",
    "lecture.residual_text": "Residual connections (He et al., ResNet, 2015) add each sublayer's "
                             "output to its input, so training signal has a path that skips every "
                             "sublayer: ∂x_out/∂x = I + ∂F/∂x. Below, the gradient of the predicted "
                             "token {token}'s logit is measured at the input of every block — once "
                             "through this model as it is wired, once through the same weights with "
                             "every skip path removed.",
    "lecture.residual_button": "Measure the gradient through the depth",
    "lecture.residual_press": "Press the button: two backward passes through the model (a second "
                              "or two on a large model).",
    "lecture.col.depth": "Input of block",
    "lecture.col.gradient": "|∂ logit / ∂ x|",
    "lecture.col.wiring": "Wiring",
    "lecture.wiring.with": "with skip paths (the model)",
    "lecture.wiring.without": "skip paths removed",
    "lecture.depth.final": "final norm",
    "lecture.residual_caption": "From the last block down to the embeddings the gradient changes "
                                "×{with_total:.3g} with the skip paths and ×{without_total:.3g} "
                                "without them; from one block to the next, typically (median) "
                                "×{with_step:.2f} against ×{without_step:.2f}. Our stack with the "
                                "skips reproduces the model's logits to within {diff:.1e}.",
    # why LayerNorm (block page)
    "lecture.norm_why": "Why normalise? What the next layer would receive",
    "lecture.norm_why_text": "The stream only grows: every block adds to it. Without the norm, "
                             "block l's attention and MLP would read the raw stream — its size "
                             "set by how deep it is. With the norm, each reads a vector of about "
                             "the same size at every depth. The model's own numbers for {token}:",
    "lecture.col.size": "Size |x|",
    "lecture.size.stream": "the stream (without the norm)",
    "lecture.size.normed": "after {norm} (what the layer reads)",
    "lecture.norm_why_caption": "The stream grows ×{growth:.1f} from block 0 to block {last}; what the "
                                "norm hands on stays between {lo:,.2f} and {hi:,.2f}. Its largest "
                                "single number reaches {big:,.1f} in the raw stream.",
    # embeddings are learned (embeddings page)
    "lecture.trained": "{name}'s trained rows",
    "lecture.untrained": "Random rows of the same shape (before training)",
    "lecture.learned_caption": "Between different words the trained rows give cosines from {lo:+.2f} to "
                               "{hi:+.2f}; random {d}-number rows give {rlo:+.2f} to {rhi:+.2f} — "
                               "what chance alone gives (about ±{chance:.2f}, that is 2/√{d}), with "
                               "no pair standing out for its meaning. Which words point the same "
                               "way is something the model learned.",
}

KO = {
    "lecture.residual": "스킵 경로는 왜 있을까? 깊이를 따라 흐르는 기울기",
    "lecture.residual_text": "잔차 연결(He 외, ResNet, 2015)은 각 부분의 출력을 그 입력에 더합니다. "
                             "그래서 학습 신호는 모든 부분을 건너뛰는 경로를 하나 갖게 됩니다: "
                             "∂x_out/∂x = I + ∂F/∂x. 아래에서는 예측한 토큰 {token}의 로짓에 대한 "
                             "기울기를 블록마다 입력에서 잽니다. 한 번은 이 모델이 연결된 그대로, "
                             "한 번은 같은 가중치에서 스킵 경로를 모두 없앤 채로 잽니다.",
    "lecture.residual_button": "깊이를 따라 기울기 재기",
    "lecture.residual_press": "버튼을 누르면 모델을 거꾸로 두 번 지나갑니다(큰 모델에서는 1–2초).",
    "lecture.col.depth": "블록 입력",
    "lecture.col.gradient": "|∂ 로짓 / ∂ x|",
    "lecture.col.wiring": "연결 방식",
    "lecture.wiring.with": "스킵 경로 있음 (이 모델)",
    "lecture.wiring.without": "스킵 경로 없앰",
    "lecture.depth.final": "마지막 정규화",
    "lecture.residual_caption": "마지막 블록에서 임베딩까지 내려가는 동안 기울기는 스킵 경로가 있으면 "
                                "×{with_total:.3g}, 없으면 ×{without_total:.3g}만큼 변합니다. 블록 "
                                "하나를 지날 때는 보통(중앙값) ×{with_step:.2f}(스킵 경로 있음), ×{without_step:.2f}(없음)입니다. "
                                "스킵 경로를 둔 계산은 모델의 로짓을 {diff:.1e} 이내로 그대로 재현합니다.",
    "lecture.norm_why": "왜 정규화할까? 다음 층이 받게 될 값",
    "lecture.norm_why_text": "잔차 스트림은 커지기만 합니다. 블록마다 값을 더하기 때문입니다. 정규화가 "
                             "없다면 l번 블록의 어텐션과 MLP는 깊이에 따라 크기가 달라지는 스트림을 "
                             "그대로 읽게 됩니다. 정규화가 있으면 어느 깊이에서든 비슷한 크기의 벡터를 "
                             "읽습니다. 토큰 {token}에 대한 모델의 실제 숫자입니다.",
    "lecture.col.size": "크기 |x|",
    "lecture.size.stream": "스트림 (정규화 없이)",
    "lecture.size.normed": "{norm} 뒤 (층이 실제로 읽는 값)",
    "lecture.norm_why_caption": "스트림은 0번 블록에서 {last}번 블록까지 ×{growth:.1f}만큼 커지지만, "
                                "정규화가 넘겨주는 값의 크기는 {lo:,.2f}–{hi:,.2f} 사이에 머뭅니다. "
                                "정규화 전 스트림에서 가장 큰 숫자 하나는 {big:,.1f}까지 커집니다.",
    "lecture.trained": "{name}의 학습된 행",
    "lecture.untrained": "같은 모양의 무작위 행 (학습 전)",
    "lecture.learned_caption": "서로 다른 단어 사이의 코사인은 학습된 행에서 {lo:+.2f}–{hi:+.2f}이고, "
                               "숫자 {d}개짜리 무작위 행에서는 {rlo:+.2f}–{rhi:+.2f}입니다. 무작위 "
                               "행의 값은 우연만으로 나오는 범위(약 ±{chance:.2f}, 곧 2/√{d})이며, "
                               "뜻 때문에 두드러지는 쌍이 없습니다. 어떤 단어끼리 같은 방향을 "
                               "가리키는지는 모델이 학습으로 얻은 것입니다.",
}
