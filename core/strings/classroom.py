"""A class answering from its phones: the lecturer's controls, the Class page, the store's
messages (core/classroom.py: ClassroomError reasons)."""

EN = {
    "nav.class": "Class — join from your phone",
    "home.step.class": "**Class.** Where students land from the lecturer's join link: the question on their "
                       "phones, one answer each, then the reveal. Every page asks its questions "
                       "with **Predict first** on, or the lecturer's **Ask the class**.",
    "class.title": "Class",
    "class.heading": "Class",
    "class.intro": "Answer the lecturer's question from here. You stay anonymous: no name, no "
                   "account, one answer per question.",
    # the student's page
    "class.code": "Class code",
    "class.code_help": "The six characters on the lecturer's screen (or open the link they show).",
    "class.enter_code": "Type the class code from the lecturer's screen, or open the link they show.",
    "class.joined": "You are in class **{code}**.",
    "class.waiting": "Waiting for the lecturer's question …",
    "class.your_answer": "Your answer is in: **{choice}**. The result appears when the lecturer "
                         "reveals it.",
    "class.result_right": "✅ You picked **{choice}**: right.",
    "class.result_wrong": "❌ You picked **{choice}**; the model's answer is **{answer}**.",
    "class.result_none": "The model's answer is **{answer}**.",
    "class.answered_count": "{answered} answered",
    "class.option_count": "{option} — {n} ({share:.0%})",
    "class.model_answer": "The model's answer: **{answer}**",
    # the lecturer's sidebar and pages
    "class.sidebar": "Class",
    "class.start": "Start a class",
    "class.start_help": "Students join from their phones with a short code; you ask the "
                        "questions on any page and reveal the answers.",
    "class.running": "Class **{code}** is running.",
    "class.students": "Active / joined",
    "class.live_count": "{active} active · {joined} joined",
    "class.passcode": "Lecturer passcode",
    "class.passcode_help": "This server asks for a passcode before a class starts (its operator sets it).",
    "class.close_joining": "Close joining",
    "class.open_joining": "Reopen joining",
    "class.joining_closed_note": "Joining is closed: only students already in can answer.",
    "class.link_show": "Take-back link for another device",
    "class.link_warning": "Don't project this: whoever opens the link controls the class. It works once, "
                          "and this page then loses control.",
    "class.link_hide": "Hide the link",
    "class.taken_over": "Class **{code}** was taken over in another window or on another device: "
                        "this page no longer controls it.",
    "class.take_back_here": "Take class {code} back here",
    "class.reattached": "Class **{code}** is running: this browser controls it again.",
    "class.open_question": "Open question",
    "class.results": "Download the results (CSV)",
    "class.results_title": "Results of class {code}",
    "class.results_summary": "{n} questions asked · {answered} answers in all · nobody is named.",
    "class.results_none": "No question was asked in this class.",
    "class.results_close": "Close the results",
    "class.col.question": "Question",
    "class.col.options": "Options",
    "class.col.counts": "Answers per option",
    "class.col.model_answer": "Model's answer",
    "class.col.percent_right": "% right",
    "class.col.answered": "Answered",
    "class.col.asked_at_utc": "Asked (UTC)",
    "class.col.revealed_at_utc": "Revealed (UTC)",
    "class.link": "Join link",
    "class.show_join": "Show the join screen",
    "class.hide_join": "Hide the join screen",
    "class.join_title": "Join the class",
    "class.join_text": "Open {link} on your phone, or scan the code. Class code:",
    "class.take_back": "Take a class back with its code and key",
    "class.take_code": "Class code",
    "class.take_key": "Lecturer's key",
    "class.take_button": "Take it back",
    "class.taken_back": "You are running class **{code}** again.",
    "class.end": "End the class",
    "class.ended": "The class has ended.",
    "class.ask": "Ask the class",
    "class.ask_help": "Show this question on every student's phone (the open question before it "
                      "closes).",
    "class.asked": "On the students' phones now — the answer and the chart stay hidden until you reveal.",
    "class.answered": "Answered",
    "class.reveal": "Reveal",
    "class.revealed": "Revealed to the class: {answered} answered.",
    # the store's refusals (ClassroomError reasons)
    "classroom.error.malformed": "This class code isn't valid: check the link or the six "
                                 "characters on the lecturer's screen.",
    "classroom.error.unknown": "There is no class with the code {code}. Check the code on the "
                               "lecturer's screen.",
    "classroom.error.expired": "Class {code} has ended.",
    "classroom.error.class_full": "This class is full ({n} students).",
    "classroom.error.too_many_classes": "Too many classes are running on this server ({n}); try "
                                        "again later or end a class.",
    "classroom.error.not_lecturer": "The code and the key don't match: only the lecturer who "
                                    "started the class can ask and reveal.",
    "classroom.error.closed": "This question is closed: the lecturer has moved on or revealed it.",
    "classroom.error.bad_choice": "That answer isn't one of the options.",
    "classroom.error.not_joined": "Your phone isn't in this class any more: reload the page.",
    "classroom.error.already_answered": "You have already answered this question: one answer "
                                        "per question.",
    "classroom.error.too_many_answers": "Too many answers this minute ({n}); wait a moment and "
                                        "try again.",
    "classroom.error.joining_closed": "The lecturer has closed joining for this class.",
    "classroom.error.rate_limited": "Too many requests from your network just now; wait a minute and try again.",
    "classroom.error.bad_passcode": "That is not this server's lecturer passcode.",
    "classroom.error.unavailable": "The class store can't be reached right now, so class mode is "
                                   "off. The pages work as usual.",
}

KO = {
    "nav.class": "수업 — 휴대폰으로 참여",
    "home.step.class": "**수업.** 학생들이 강의자의 참여 링크로 들어오는 곳입니다. 휴대폰에 질문이 뜨고, 학생마다 "
                       "한 번씩 답하면 강의자가 답을 공개합니다. 각 페이지는 **먼저 예측하기**를 켜거나 강의자가 "
                       "**학생들에게 묻기**를 누르면 질문을 냅니다.",
    "class.title": "수업",
    "class.heading": "수업",
    "class.intro": "여기에서 강의자의 질문에 답합니다. 이름도 계정도 없이 익명으로 참여하며, 질문마다 "
                   "한 번씩 답할 수 있습니다.",
    "class.code": "수업 코드",
    "class.code_help": "강의자 화면에 나온 여섯 글자입니다(또는 화면의 링크를 여세요).",
    "class.enter_code": "강의자 화면에 나온 수업 코드를 입력하거나, 화면의 링크를 여세요.",
    "class.joined": "수업 **{code}**에 참여했습니다.",
    "class.waiting": "강의자의 질문을 기다리는 중입니다 …",
    "class.your_answer": "답이 제출되었습니다: **{choice}**. 강의자가 공개하면 결과가 나옵니다.",
    "class.result_right": "✅ **{choice}**을(를) 골랐습니다. 정답입니다.",
    "class.result_wrong": "❌ **{choice}**을(를) 골랐습니다. 모델의 답은 **{answer}**입니다.",
    "class.result_none": "모델의 답은 **{answer}**입니다.",
    "class.answered_count": "{answered}명 응답",
    "class.option_count": "{option} — {n}명({share:.0%})",
    "class.model_answer": "모델의 답: **{answer}**",
    "class.sidebar": "수업",
    "class.start": "수업 시작",
    "class.start_help": "학생들은 짧은 코드로 휴대폰에서 참여합니다. 어느 페이지에서든 질문을 내고 "
                        "답을 공개할 수 있습니다.",
    "class.running": "수업 **{code}**이(가) 진행 중입니다.",
    "class.students": "활동 중 / 참여",
    "class.live_count": "활동 중 {active}명 · 참여 {joined}명",
    "class.passcode": "강의자 암호",
    "class.passcode_help": "이 서버는 수업을 시작하기 전에 암호를 묻습니다(서버 운영자가 정합니다).",
    "class.close_joining": "참여 마감하기",
    "class.open_joining": "참여 다시 열기",
    "class.joining_closed_note": "참여를 마감했습니다. 이미 들어온 학생만 답할 수 있습니다.",
    "class.link_show": "다른 기기에서 수업을 되찾는 링크",
    "class.link_warning": "이 링크는 화면에 띄우지 마세요. 링크를 여는 사람이 수업을 진행하게 됩니다. 한 번만 "
                          "쓸 수 있고, 링크를 열면 이 페이지는 진행 권한을 잃습니다.",
    "class.link_hide": "링크 숨기기",
    "class.taken_over": "수업 **{code}**의 진행 권한이 다른 창이나 다른 기기로 넘어갔습니다. 이 페이지에서는 "
                        "더 이상 진행할 수 없습니다.",
    "class.take_back_here": "수업 {code}을(를) 여기로 되찾기",
    "class.reattached": "수업 **{code}**이(가) 진행 중입니다. 이 브라우저에서 다시 진행합니다.",
    "class.open_question": "열려 있는 질문",
    "class.results": "결과 내려받기(CSV)",
    "class.results_title": "수업 {code}의 결과",
    "class.results_summary": "질문 {n}개 · 응답 모두 {answered}개 · 학생은 누구도 드러나지 않습니다.",
    "class.results_none": "이 수업에서는 질문을 하지 않았습니다.",
    "class.results_close": "결과 닫기",
    "class.col.question": "질문",
    "class.col.options": "선택지",
    "class.col.counts": "선택지별 응답",
    "class.col.model_answer": "모델의 답",
    "class.col.percent_right": "정답률(%)",
    "class.col.answered": "응답",
    "class.col.asked_at_utc": "질문 시각(UTC)",
    "class.col.revealed_at_utc": "공개 시각(UTC)",
    "class.link": "참여 링크",
    "class.show_join": "참여 화면 보이기",
    "class.hide_join": "참여 화면 숨기기",
    "class.join_title": "수업에 참여하기",
    "class.join_text": "휴대폰에서 {link} 주소를 열거나 QR 코드를 찍으세요. 수업 코드:",
    "class.take_back": "수업 코드와 비밀 코드로 수업 되찾기",
    "class.take_code": "수업 코드",
    "class.take_key": "강의자 비밀 코드",
    "class.take_button": "되찾기",
    "class.taken_back": "수업 **{code}**을(를) 다시 진행합니다.",
    "class.end": "수업 끝내기",
    "class.ended": "수업이 끝났습니다.",
    "class.ask": "학생들에게 묻기",
    "class.ask_help": "이 질문을 모든 학생의 휴대폰에 보여 줍니다(앞서 열려 있던 질문은 닫힙니다).",
    "class.asked": "지금 학생들의 휴대폰에 떠 있습니다. 공개할 때까지 답과 차트는 숨겨 둡니다.",
    "class.answered": "응답",
    "class.reveal": "공개",
    "class.revealed": "수업에 공개했습니다: {answered}명 응답.",
    "classroom.error.malformed": "올바른 수업 코드가 아닙니다. 링크나 강의자 화면의 여섯 글자를 "
                                 "확인하세요.",
    "classroom.error.unknown": "코드가 {code}인 수업이 없습니다. 강의자 화면의 코드를 확인하세요.",
    "classroom.error.expired": "수업 {code}은(는) 끝났습니다.",
    "classroom.error.class_full": "이 수업은 정원({n}명)이 찼습니다.",
    "classroom.error.too_many_classes": "이 서버에서 진행 중인 수업이 너무 많습니다({n}개). 나중에 "
                                        "다시 시도하거나 수업 하나를 끝내세요.",
    "classroom.error.not_lecturer": "수업 코드와 비밀 코드가 맞지 않습니다. 수업을 시작한 강의자만 "
                                    "질문하고 공개할 수 있습니다.",
    "classroom.error.closed": "이 질문은 닫혔습니다. 강의자가 다음 질문으로 넘어갔거나 답을 "
                              "공개했습니다.",
    "classroom.error.bad_choice": "그 답은 선택지에 없습니다.",
    "classroom.error.not_joined": "이 휴대폰은 더 이상 이 수업에 참여하고 있지 않습니다. 페이지를 새로 "
                                  "고치세요.",
    "classroom.error.already_answered": "이 질문에는 이미 답했습니다. 질문마다 한 번만 답할 수 "
                                        "있습니다.",
    "classroom.error.too_many_answers": "이번 1분 동안 답이 너무 많습니다({n}개). 잠시 뒤에 다시 "
                                        "시도하세요.",
    "classroom.error.joining_closed": "강의자가 이 수업의 참여를 마감했습니다.",
    "classroom.error.rate_limited": "지금 이 네트워크에서 요청이 너무 많습니다. 1분쯤 뒤에 다시 시도하세요.",
    "classroom.error.bad_passcode": "이 서버의 강의자 암호가 아닙니다.",
    "classroom.error.unavailable": "지금은 수업 저장소에 연결할 수 없어 수업 모드를 껐습니다. 페이지는 "
                                   "평소처럼 작동합니다.",
}
