"""The party's own text (Arabic, from party-site-text.ar.txt beside this file) and where it goes.

Line numbers refer to that file. Artefacts of the old site are dropped (the spinner's "Loading",
blocks glued together on lines 3, 10 and 19) and stray spaces before commas are mended. The
English text is our translation, and the Sorani is in party_content_ckb.py; both ship marked
"needs review" for staff (content/review.py).
"""

SECRETARIAT_CTA = "تعرف على الأمين العام والأمانة العامة للحزب"  # lines 1, 3, 10
SECRETARIAT_INTRO = (  # lines 2 and 9
    "تقود الأمانة العامة العمل التنظيمي والسياسي داخل الحزب، وتوجّه جهوده في رسم السياسات وتنفيذ"
    " البرامج وتحقيق الأهداف الوطنية وتستمد الأمانة العامة رؤيتها من مبادئ الحزب وثقة أعضائه."
)
VISION = (  # line 4
    "يسعى الحزب إلى تقديم رؤية تنموية شاملة، ترتكز على العمل الجماعي والتخطيط المستدام، وتقوم على"
    " قيم الحرية والعدالة والمساواة، لضمان استقرار المجتمع وازدهاره."  # the party's file lacks the full stop
)
HERO = (  # line 5
    "نحن حزب وطني ديمقراطي ليبرالي، تأسّس في بغداد عام 2024، ويناضل من أجل عراق يقوم على أساس"
    " المواطنة الكاملة، والحقوق والحريات، والتنمية الاقتصادية المستدامة، وسيادة الدولة على قرارها الوطني."
)
STRENGTH = "نستمدّ قوتنا من نضال الشعب العراقي، ومن إرادة التغيير التي أرستها ثورة تشرين الخالدة."  # 6
INTERNAL_DEMOCRACY = (  # line 7
    "يمارس الحزب مسؤولياته وفق مبادئ نظرية واضحة، ويستند هيكله التنظيمي إلى نظام داخلي ديمقراطي،"
    " تُوكَل فيه المسؤوليات عبر انتخابات حرّة."
)
CONFERENCE = (  # line 8
    "ينعقد المؤتمر التنظيمي العام كل أربع سنوات لانتخاب الأمين العام ونائبه وأعضاء الأمانة العامة،"
    " ويُسبق ذلك بمؤتمرات محلية مماثلة."
)
FOUNDING_STATEMENT = [  # lines 10 (after the glued link label) to 16
    "تأسس حزب الاستقلال الوطني على الاعتقاد بأن الديمقراطية الليبرالية، هي السبيل الوحيد القابل للتطبيق"
    " لعراق حر وعادل وموحد. بعد عقود من الاستبداد والطائفية والفساد والتدخل الأجنبي، يحتاج العراق إلى"
    " رؤية جريئة وشاملة واستشرافية لإعادة بناء هويته ومؤسساته الوطنية.",
    "يدافع الحزب عن نظام سياسي قائم على الحريات الفردية والمساواة أمام القانون والحكم الخاضع للمساءلة."
    " يهدف إلى إنهاء تقاسم السلطة الطائفي والعرقي من خلال تعزيز مواطنة عراقية موحدة، تتجاوز الانقسامات"
    " القائمة على الهوية.",
    "يدعم حرية التعبير والمعتقد والتجمع كحقوق غير قابلة للتفاوض. يجب على الدولة أن تظل على الحياد في"
    " المسائل الدينية، وأن تحمي الأقليات وجميع الأفراد من التمييز والقمع.",
    "يدافع الحزب عن التنويع الاقتصادي والإنفاق العام الشفاف، ووضع حد للفساد المنهجي. ويدعم الخدمة المدنية"
    " القائمة على الجدارة والوصول العادل إلى الثروة الوطنية، وخاصة عائدات النفط، للقضاء على الفقر"
    " والاعتماد على شبكات المحسوبية.",
    "النظام القانوني القوي والقضاء المستقل أمران أساسيان. يجب أن يكون جميع المواطنين، بغض النظر عن"
    " وضعهم، متساوين أمام القانون. يجب حل الجماعات المسلحة الخارجة عن سيطرة الدولة، ولا يجوز إلا للجيش"
    " الوطني والشرطة الوطنية حمل السلاح. يجب على الدولة استعادة سلطتها السيادية.",
    "يرى الحزب التنوع كقوة وليس تهديدا. يسعى إلى بناء هوية وطنية مدنية تحتضن جميع المجتمعات العرقية"
    " والدينية والإقليمية. تمكين المرأة ضروري للتقدم الوطني، مع الحقوق الكاملة في التعليم والعمل"
    " والتمثيل السياسي.",
    "تتطلب إعادة بناء العراق الاستثمار في التعليم الحديث والشامل ونظام الرعاية الصحية العام الشامل. هذه"
    " أولويات استراتيجية للتنمية الوطنية والعدالة الاجتماعية واستعادة الكرامة للمواطنين.",
]
JOIN_INTRO = "انضموا إلينا في بناء مستقبل يكون فيه كل عراقي حراً ومتساوياً في بلد سيادي ومستقل."  # 17
FEEDBACK_INTRO = (  # line 18
    "شاركنا أفكارك وآراءك وملاحظاتك. صوتك مهم في تشكيل مستقبل حزبنا وبناء عراق أفضل معاً."
)
JOIN_BUTTON = "طلب انضمام"  # start of line 19

# (key, Arabic title, Arabic description from the seed, English title, English description)
SECTIONS = [
    ("news", "الأخبار",
     "نشر الأخبار والتحديثات التي تعكس قيم ومبادئ الحزب، وتسلّط الضوء على أنشطته الرئيسية وإنجازاته،"
     " وتُطلع الجمهور على مستجدات العمل التنظيمي",  # line 21
     "News", "News and updates that reflect the party's values and principles, highlight its main"
     " activities and achievements, and keep the public informed of its organisational work."),
    ("culture", "الثقافة",
     "يُعنى بتعزيز الثقافة والوعي من خلال تسليط الضوء على الفعاليات الثقافية، المقالات، والإصدارات التي"
     " تساهم في نشر المعرفة وترسيخ القيم الثقافية.",  # line 22
     "Culture", "Promoting culture and awareness by highlighting cultural events, articles and"
     " publications that spread knowledge and strengthen cultural values."),
    ("analysis", "تحليلات وأبحاث",
     "يقدم هذا القسم تحليلات البيانات الرئيسية ونتائج البحوث حول القضايا السياسية والاقتصادية"
     " والاجتماعية، مدعومة بالتقارير والرسوم التوضيحية لإثراء المناقشات السياسية.",  # line 20
     "Analysis and research", "Key data analyses and research findings on political, economic and"
     " social issues, supported by reports and illustrations, to enrich political debate."),
    ("studies", "الدراسات",
     "يهتم بتطوير الوعي السياسي الداخلي وإنتاج مواد فكرية تنشر للجمهور.",  # line 19 (rest)
     "Studies", "Developing political awareness within the party and producing intellectual work"
     " published for the public."),
    ("articles", "مقالات",
     "مقالات متخصصة تتناول قضايا تهم المجتمع بشكل معمق. ستعمل هذه المقالات على تحليل القضايا الرئيسية،"
     " تقديم رؤى استراتيجية.",  # line 23
     "Articles", "Specialised articles that examine issues of concern to society in depth, analysing"
     " the main questions and offering strategic insight."),
    ("media", "الإعلام",
     "يحتوي قسم الإعلام على مواد مرئية مثل الصور والفيديوهات التي توثق الفعاليات والأنشطة، وقد يضم أيضاً"
     " تقارير أو تحقيقات خاصة قام بها الفريق الإعلامي.",  # line 24
     "Media", "Photos and videos documenting the party's events and activities, and special reports"
     " and investigations by the media team."),
]

# (key, Arabic title, Arabic text from the seed, English title, English text)
PRINCIPLES = [
    ("national-sovereignty", "السيادة الوطنية",
     "يعمل الحزب على حماية القرار العراقي من التدخلات الخارجية، وضمان استقلال الإرادة الوطنية في رسم"
     " السياسات الداخلية والخارجية، بما يعكس مصالح الشعب العراقي أولاً.",  # line 25
     "National sovereignty", "The party works to protect Iraqi decision-making from foreign"
     " interference and to keep the national will independent in shaping domestic and foreign policy,"
     " putting the interests of the Iraqi people first."),
    ("freedom-and-equality", "الحرية والمساواة",
     "يؤمن الحزب بأن لا نهوض لعراق ديمقراطي دون احترام حرية الأفراد وضمان المساواة الكاملة في الحقوق"
     " والفرص، بعيدًا عن التمييز القائم على الجنس أو الدين أو الانتماء السياسي.",  # line 26
     "Freedom and equality", "The party believes a democratic Iraq cannot rise without respect for"
     " individual freedom and full equality of rights and opportunities, free of discrimination by sex,"
     " religion or political affiliation."),
    ("civil-state", "دولة المواطنة المدنية",
     "يهدف الحزب إلى تجاوز المحاصصة والانقسامات الهوياتية، عبر تأسيس دولة علمانية قائمة على الحقوق"
     " الدستورية، وسيادة القانون، والولاء للوطن لا للجماعات أو الهويات الفرعية.",  # line 27
     "A civil state of citizenship", "The party aims to move beyond sectarian quotas and identity"
     " divisions by building a secular state founded on constitutional rights, the rule of law and"
     " loyalty to the nation rather than to groups or sub-identities."),
    ("development-and-economic-justice", "التنمية والعدالة الاقتصادية",
     "يركّز الحزب على وضع سياسات تنموية عادلة، تضمن توزيعًا متوازنًا للثروة، وتوفر فرص العمل، وتقلّل"
     " الفجوات الاقتصادية، وتحقق الرفاهية العامة.",  # line 28
     "Development and economic justice", "The party focuses on fair development policies that"
     " distribute wealth in a balanced way, create jobs, narrow economic gaps and serve the common good."),
    ("women-and-youth", "تمكين المرأة والشباب",
     "يسعى الحزب إلى إزالة العوائق البنيوية والثقافية التي تحدّ من مشاركة المرأة والشباب في السياسة"
     " والحياة العامة، ويؤمن بدورهم المحوري في بناء المستقبل.",  # line 29
     "Empowering women and young people", "The party seeks to remove the structural and cultural"
     " barriers that limit the participation of women and young people in politics and public life,"
     " and believes in their central role in building the future."),
]

TEXT_BLOCKS = {
    # key: (Arabic, English)
    "hero": (HERO, "We are a national, democratic and liberal party, founded in Baghdad in 2024. We"
             " work for an Iraq built on full citizenship, rights and freedoms, sustainable economic"
             " development, and the state's sovereignty over its national decisions."),
    "vision": (VISION, "The party seeks to offer a comprehensive development vision, grounded in"
               " collective work and sustainable planning and built on the values of freedom, justice"
               " and equality, to secure a stable and prosperous society."),
    "secretariat_teaser": (SECRETARIAT_INTRO, "The General Secretariat leads the party's organisational"
                           " and political work and directs its efforts in making policy, carrying out"
                           " programmes and achieving national goals. It draws its vision from the"
                           " party's principles and the trust of its members."),
    "secretariat_cta": (SECRETARIAT_CTA, "Meet the Secretary-General and the General Secretariat"),
    "join_intro": (JOIN_INTRO, "Join us in building a future in which every Iraqi is free and equal,"
                   " in a sovereign and independent country."),
    "join_button": (JOIN_BUTTON, "Membership application"),
    "feedback_intro": (FEEDBACK_INTRO, "Share your ideas, views and comments with us. Your voice"
                       " matters in shaping our party's future and building a better Iraq together."),
}


FOUNDING_STATEMENT_EN = [
    "The National Independence Party was founded on the conviction that liberal democracy is the"
    " only workable path to a free, just and united Iraq. After decades of tyranny, sectarianism,"
    " corruption and foreign interference, Iraq needs a bold, comprehensive and forward-looking"
    " vision to rebuild its national identity and institutions.",
    "The party stands for a political system based on individual freedoms, equality before the law"
    " and accountable government. It aims to end sectarian and ethnic power-sharing by fostering a"
    " single Iraqi citizenship that rises above identity-based divisions.",
    "It upholds freedom of expression, belief and assembly as non-negotiable rights. The state must"
    " remain neutral in religious matters and protect minorities and every individual from"
    " discrimination and oppression.",
    "The party stands for economic diversification, transparent public spending and an end to"
    " systemic corruption. It supports a civil service based on merit and fair access to the"
    " national wealth, above all oil revenue, to end poverty and dependence on patronage networks.",
    "A strong legal order and an independent judiciary are essential. All citizens, whatever their"
    " status, must be equal before the law. Armed groups outside the state's control must be"
    " disbanded; only the national army and police may bear arms. The state must restore its"
    " sovereign authority.",
    "The party sees diversity as a strength, not a threat. It seeks to build a civic national"
    " identity that embraces all ethnic, religious and regional communities. Empowering women is"
    " essential to national progress, with full rights to education, work and political"
    " representation.",
    "Rebuilding Iraq requires investment in modern, inclusive education and a universal public"
    " health system. These are strategic priorities for national development, social justice and"
    " restoring citizens' dignity.",
]


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


PRIVACY_AR = [
    "يحترم حزب الاستقلال الوطني خصوصية كل من يتواصل معه أو يطلب الانضمام إليه، ويدرك أن المعلومات"
    " الشخصية قد تعرّض أصحابها للخطر إذا وقعت في غير موضعها.",
    "نجمع في طلب الانضمام ما يلزم للنظر فيه فقط: الاسم، وتاريخ الميلاد، والمحافظة، ووسيلة التواصل،"
    " والتحصيل الدراسي، والمهنة، والإقرارات التي يشترطها قانون الأحزاب السياسية رقم 36 لسنة 2015."
    " وفي رسائل الملاحظات لا نطلب إلا ما تختار أن تكتبه، ويمكنك الإرسال دون ذكر اسمك.",
    "لا يطّلع على طلبات الانضمام إلا موظفو شؤون العضوية المخوّلون، ولا تظهر بياناتها في سجلات الموقع ولا"
    " تُشارك مع أي جهة خارج الحزب. لا يستخدم الموقع أدوات تتبّع ولا يحمّل خطوطاً أو نصوصاً برمجية من مواقع"
    " أخرى.",
    "تُحذف الطلبات المرفوضة أو المسحوبة بعد مدة محددة، ويحق لك أن تطلب حذف بياناتك في أي وقت بمراسلتنا"
    " عبر صفحة الملاحظات.",
]
PRIVACY_EN = [
    "The National Independence Party respects the privacy of everyone who contacts it or applies to"
    " join, and knows that personal information can put people at risk in the wrong hands.",
    "The membership application collects only what is needed to consider it: name, date of birth,"
    " governorate, contact details, education, occupation and the declarations required by the"
    " Political Parties Law No. 36 of 2015. Feedback asks only for what you choose to write; you may"
    " send it anonymously.",
    "Only authorised membership staff can see applications. Their data never appears in the site's"
    " logs and is not shared with anyone outside the party. The site uses no trackers and loads no"
    " fonts or scripts from other sites.",
    "Rejected or withdrawn applications are deleted after a set period, and you may ask for your data"
    " to be erased at any time by writing to us through the feedback page.",
]

# (key, Arabic title, Arabic summary, Arabic body, English title, English summary, English body)
PAGES = [
    ("about", "من نحن", HERO, paragraphs(STRENGTH, INTERNAL_DEMOCRACY, CONFERENCE),
     "Who we are", TEXT_BLOCKS["hero"][1],
     paragraphs(
         "We draw our strength from the struggle of the Iraqi people and from the will for change"
         " that the immortal October revolution laid down.",
         "The party carries out its responsibilities according to clear principles. Its organisation"
         " rests on democratic bylaws, under which responsibilities are entrusted through free"
         " elections.",
         "The general conference meets every four years to elect the Secretary-General, the deputy"
         " and the members of the General Secretariat, after similar local conferences.",
     )),
    ("founding-statement", "الرؤية والبيان التأسيسي", VISION, paragraphs(*FOUNDING_STATEMENT),
     "Our vision and founding statement", TEXT_BLOCKS["vision"][1], paragraphs(*FOUNDING_STATEMENT_EN)),
    ("secretariat", "الأمين العام والأمانة العامة", SECRETARIAT_INTRO,
     paragraphs(INTERNAL_DEMOCRACY, CONFERENCE),
     "The Secretary-General and the General Secretariat", TEXT_BLOCKS["secretariat_teaser"][1],
     paragraphs(
         "The party's organisation rests on democratic bylaws, under which responsibilities are"
         " entrusted through free elections.",
         "The general conference meets every four years to elect the Secretary-General, the deputy"
         " and the members of the General Secretariat, after similar local conferences.",
     )),
    ("privacy", "إشعار الخصوصية", "كيف نتعامل مع بياناتك الشخصية.", paragraphs(*PRIVACY_AR),
     "Privacy notice", "How we handle your personal data.", paragraphs(*PRIVACY_EN)),
]
