# hypecheck messages, English. Every user-visible sentence lives here; ids are shared with de.ftl.

disclaimer = For information only, not medical advice. hypecheck judges how a text argues, not whether a treatment works for you. For health questions, ask a doctor.

## The four questions
question-evidence = Evidence: controlled studies in humans, or animals, cells and anecdotes?
question-approval = Approval: is this product approved for this use?
question-risks = Risks: are they discussed openly?
question-language = Language: cautious, or promising quick, safe miracles?
question-compliance = Dosing, usage and sourcing information

verdict-pass = pass
verdict-concern = concern
verdict-fail = fail
verdict-not-applicable = not applicable

summary-evidence-pass = The text says what kind of evidence stands behind its claims and names its limits.
summary-evidence-concern = The evidence behind the claims is thin or not described: anecdotes, vague "studies show", or claims beyond what is known.
summary-evidence-fail = Benefits for people are claimed on the strength of animal or cell studies, or "proven" stands with no human trial behind it.
summary-evidence-not-applicable = The text makes no health claim whose evidence could be judged.
summary-approval-pass = The text states the regulatory status correctly.
summary-approval-concern = A product without approval for this use is promoted, and the text does not say so.
summary-approval-fail = The text claims or suggests an approval that does not exist for this product or this use.
summary-approval-not-applicable = Nothing to judge on approval: the text names no product the knowledge base knows, and no other product promoted without a word on its approval.
summary-risks-pass = Risks are discussed openly.
summary-risks-concern = Risks are missing or played down behind words like "natural" or "your body's own".
summary-risks-fail = The text promises safety ("no side effects", "100% safe") that no treatment can promise.
summary-risks-not-applicable = The text names no treatment whose risks could be discussed.
summary-language-pass = The wording is cautious and names gaps.
summary-language-concern = Some claims are stated more strongly than the evidence allows.
summary-language-fail = The text uses hype: miracle words and absolute promises.
summary-language-not-applicable = The text makes no claims whose wording could be judged.
summary-pass-hc105 = The text names a controlled study in humans behind its claims.
summary-pass-hc108 = It says how many people were studied.
summary-pass-hc104 = It names limits of the evidence.
summary-pass-hc111 = The benefit it describes is an approved use, which the regulator granted after reviewing clinical trials.
summary-pass-hc205 = The text states the regulatory status.
summary-pass-hc206 = The use it discusses is one the product is approved for.
summary-pass-hc303 = The text names harms of the treatment.
summary-pass-hc404 = The wording is cautious: claims are hedged or gaps are named.
summary-pass-hc405 = Its claims come without sensational words or absolute promises.
summary-found-hc101 = Benefits for people are claimed on the strength of animal or cell studies.
summary-found-hc102 = "Proven" or "clinically proven" stands without a controlled study in humans behind it.
summary-found-hc103 = Testimonials and anecdotes are offered as evidence.
summary-found-hc106 = A claim goes beyond what the known evidence for this use shows.
summary-found-hc107 = Claims are made with no word on the evidence behind them.
summary-found-hc109 = The text does not say how strong the evidence is: no study design, size or limits.
summary-found-hc110 = Cause and effect is stated on evidence that can show only that things go together, or what happens in animals or cells.
summary-found-hc112 = Benefits are given as relative numbers only, which make them look larger.
summary-found-hc201 = The text claims an approval that does not exist for this product or this use.
summary-found-hc202 = An approval for another use is presented as if it covered this one.
summary-found-hc203 = Words that sound like approval ("registered", "compliant") stand in for an approval.
summary-found-hc204 = The text promotes a product without saying whether it is approved for this use.
summary-found-hc301 = The text promises safety ("no side effects", "100% safe") that no treatment can promise.
summary-found-hc302 = Benefits are claimed, but no harm or side effect of the treatment is named.
summary-found-hc304 = Harms are mentioned only in general: none is named, none is quantified.
summary-na-hc306 = The text names no harm in detail, but for a text like this one health-news reviewers did not ask for one: harms are not at issue here.
summary-found-hc401 = Sensational words promise more than the evidence can deliver.
summary-found-hc402 = Absolute promises are made ("works for everyone", "permanent results").
summary-found-hc403 = Cause and effect is stated outright, without a word of caution.
summary-found-hc406 = The headline states cause and effect as fact, which the evidence described does not carry.

compliance-found = The text contains dosing, usage or sourcing information (doses, session plans, prices offered for sale, calls to buy or book).
compliance-none = No dosing, usage or sourcing information found.
compliance-breaks-rule = The text gives dosing, usage or sourcing information (doses, session plans, prices offered for sale, calls to buy or book), which the editorial rule applied here does not allow.

## Grades
grade-sober = sober
grade-sober-summary = The text handles evidence, approval, risks and language the way a careful reader would wish.
grade-sober-partial-summary = No shortcoming found in { $judged ->
    [one] the one question
   *[other] the { $judged } questions
} of four that this text gives something to judge; the others have nothing to judge.
grade-none = nothing to judge
grade-none-summary = This text makes no health claims hypecheck can judge.
grade-mostly-sober = mostly sober
grade-mostly-sober-summary = Mostly careful, with one point to watch.
grade-mixed = mixed
grade-mixed-summary = Careful in parts, but with real shortcomings.
grade-hype-leaning = hype-leaning
grade-hype-leaning-summary = Claims lean on hype more than on evidence.
grade-hype = hype
grade-hype-summary = The text promises more than the evidence, the approvals and the risks allow.

## Findings (one message per check; $cue is the matched text)
hc101 = "{ $cue }" refers to animal or cell-culture research, yet the text presents the benefit as proven for people ("{ $claim }") and never says that human evidence is missing.
hc102 = "{ $cue }" is claimed, but the text names no controlled study in humans.
hc102-overstated = "{ $cue }" overstates what even a good trial shows; one trial supports "reduced", not "proven".
hc102-vague = "{ $cue }" without saying which study: a claim of evidence that cannot be checked.
hc103 = "{ $cue }": testimonials and anecdotes cannot show that a treatment works; placebo, natural recovery and selection explain them as well.
hc104 = The text names a limit of the evidence ("{ $cue }").
hc105 = The text cites a controlled study design ("{ $cue }").
hc106 = The claim for { $intervention } in { $condition } goes beyond the evidence the knowledge base knows for this use (best evidence: { $level }).
hc107 = Efficacy is claimed, but the text says nothing about the evidence behind it.
hc110 = This states cause and effect, but the evidence the text names ("{ $design }") can show only that things go together, or what happens in animals or cells.
hc111 = { $intervention } is approved for { $condition }: the regulator approved this use after reviewing clinical trials, so the benefit described for it rests on reviewed trial evidence.
hc112 = The size of the benefit is given only in relative terms ("by 29%", "by half"); the text never says how many of how many people benefited, so a reader cannot tell a large effect from a tiny one.
hc108 = The text says how many people were studied ("{ $cue }").
hc109 = { $missing ->
    [animal] The results come from animals or cells, and the text does not say what that leaves unknown for people.
    [limits] The text gives the study's size but none of its limits, so readers cannot tell how far the result goes.
   *[size] The text does not say how strong the evidence is: neither the kind of study with the number of people in it, nor its limits.
}
hc201 = "{ $cue }": no approval exists for { $intervention }; the knowledge base records no approval for it.
hc201-other-products = "{ $cue }": { $intervention } as such have no approval; what is approved is specific products for specific uses: { $approved }.
hc201-other-products-condition = "{ $cue }": { $intervention } as such have no approval; what is approved is specific products for specific uses: { $approved }. None of them is approved for { $condition }.
hc202 = { $intervention } is approved only for specific uses ({ $approved }); { $condition } is not one of them.
hc203 = "{ $cue }" sounds like approval but is not: registration, "compliance" or device clearance is no review of safety or efficacy.
hc204 = The text promotes { $intervention } but never says that it has no approval for this use.
hc204-product = The text claims benefits for { $subject } but never says whether it is approved for this use: approved, cleared, experimental or sold without approval.
hc205 = The text states the regulatory status ("{ $cue }").
hc206 = { $intervention } is discussed for { $condition }, a use it is approved for.
hc301 = "{ $cue }" promises safety. Every treatment has risks; for unregulated biological products harms are documented.
hc302 = The text claims benefits for { $intervention } but names none of its harms or side effects.
hc303 = The text names a harm of the treatment ("{ $cue }").
hc304 = The text speaks of harms only in general ("{ $cue }"): it names none and does not say how often they happen.
hc305 = Health-news reviewers judged texts like this one as not explaining the harms: naming a harm ("{ $cue }") does not say how often it happens, how serious it is or how it compares with the benefit (model trained on their ratings, { $confidence } % sure).
hc306 = No harm is named in detail here, but health-news reviewers did not fault texts like this one for that: the model trained on their ratings puts the chance that they would at { $chance } %. Where reviewers saw no harm at issue, the texts were mostly about an everyday food, diet or behaviour observed in a study.
subject-this-treatment = this treatment
hc401 = "{ $cue }" is sensational language that promises more than evidence can deliver.
hc402 = "{ $cue }" is an absolute promise; no treatment works for everyone, instantly and for good.
hc403 = Efficacy is stated as direct cause and effect, without a hedge.
hc404 = Cautious wording ("{ $cue }").
hc405 = The text makes its claims without sensational words or absolute promises ({ $claims ->
    [one] 1 claim read
   *[other] { $claims } claims read
}).
hc406 = The headline states cause and effect as fact, with no hedge and no word of the study behind it; many readers see only the headline.
hc501 = "{ $cue }" is dosing or usage information, which an informative text should not give.
hc502 = "{ $cue }" is a price offered for sale: with offer words or a call to buy or book, the text sells rather than informs.
hc502-information = "{ $cue }" tells readers what the treatment costs; that helps them judge it and is no offer.
hc503 = "{ $cue }" is a call to buy, order or book.

## Terminal views
view-report-title = hypecheck report
view-grade = Overall
view-key-points = Key points
view-what-you-can-do = What you can do
view-do-approval = Ask whether the product is approved for exactly this use, and by whom (FDA, EMA); "registered" or "compliant" is not approval.
view-do-evidence = Ask for the controlled human study behind each promise; results in mice or cells are not results in people.
view-do-risks = Ask which side effects and complications have been reported, and what happens if something goes wrong.
view-do-advice = Seek medical advice from a doctor you trust, not from a forum or a product page.
view-findings = Findings
view-sources = Sources
view-claims = Claims
view-cues = cues
view-context = context
view-as-of = as of
view-no-findings = No findings.
view-span-basis-extracted = Positions refer to the text extracted from the { $format } input.
view-more-findings = { $count ->
    [one] … and 1 more finding (use --view expert to see all).
   *[other] … and { $count } more findings (use --view expert to see all).
}
view-compliance = Dosing, usage and sourcing

## Evidence levels in the knowledge base
evidence-level-none = none known
evidence-level-preclinical = animal and cell studies only
evidence-level-early-human = early or small human studies
evidence-level-phase3 = phase 3 trials
evidence-level-approved = approved for this use
view-source = source:

## Severity of a finding in the terminal
severity-positive = good
severity-info = note
severity-concern = concern
severity-fail = fail

## Expert criteria (HealthNewsReview); one reason per verdict
criterion-costs-satisfactory = Costs are discussed (prices, insurance coverage or cost compared with other options).
criterion-costs-not-satisfactory = Costs are not adequately discussed.
criterion-benefits-satisfactory = Benefits are given in numbers (percentages or counts).
criterion-benefits-not-satisfactory = Benefits are not adequately quantified (reviewers expect numbers, preferably absolute).
criterion-harms-satisfactory = Harms or side effects are discussed.
criterion-harms-not-satisfactory = Harms and side effects are not adequately explained or quantified.
criterion-evidence-satisfactory = The text conveys the limits of the evidence.
criterion-evidence-not-satisfactory = The quality and limits of the evidence are not conveyed.
criterion-disease-mongering-satisfactory = No exaggeration of how common or severe the condition is was found.
criterion-disease-mongering-not-satisfactory = The text dramatises how common or severe the condition is.
criterion-conflicts-satisfactory = Funding or conflicts of interest are mentioned.
criterion-conflicts-not-satisfactory = Funding sources and conflicts of interest are not disclosed.
criterion-alternatives-satisfactory = The text compares the approach with existing alternatives.
criterion-alternatives-not-satisfactory = Existing alternatives are not adequately compared.
criterion-availability-satisfactory = The text says whether and how the intervention is available or approved.
criterion-availability-not-satisfactory = Availability and approval status are not established.
criterion-novelty-satisfactory = The text does not overstate how new the approach is.
criterion-novelty-not-satisfactory = The text does not establish how new the approach really is (for example "first" or "new" without context).
criterion-sensational-language-satisfactory = No sensational language was found.
criterion-sensational-language-not-satisfactory = The text uses sensational language or absolute promises.
view-criteria = Expert criteria (HealthNewsReview)
criterion-not-applicable = The criterion does not fit this text (for example the costs of a behaviour).
criterion-learned = Verdict of a model trained on the reviewers' ratings; what weighed most: { $weighed }.

# Features a learned verdict names (expert view); cue kinds, check codes and criterion keys stay
# as their stable ids.
feature-word = “{ $text }”
feature-cue = cue { $kind }
feature-finding = check { $code }
feature-rule = rule answer for { $criterion }
feature-claim = claim of strength { $strength }
feature-numbers = numbers
feature-percentages = percentages
feature-with-how = { $what } ({ $how })
how-negated = negated
how-hedged = hedged
how-hypothetical = supposed
how-reported = reported
how-quoted = quoted
how-refuted = refuted
how-positive = good
how-info = note
how-concern = concern
how-fail = fail
how-satisfactory = satisfactory
how-not-satisfactory = not satisfactory
how-not-applicable = not applicable

# Warnings about the input.
warning-control-characters = the text contains { $count ->
    [one] 1 control character
   *[other] { $count } control characters
}; it may not be prose
warning-html-too-deep = the HTML nests elements { $depth } deep; its tags were stripped without parsing (navigation and other boilerplate may remain)
warning-html-syntax = the HTML has { $problems ->
    [one] 1 syntax problem
   *[other] { $problems } syntax problems
}; it was parsed the way a browser would
warning-spans-extracted = spans refer to the visible text extracted from the HTML, not to the HTML source

## The tiers (deep: the fine-tuned encoder; fast: the linear models; rules)
warning-deep-failed = the deep model could not read this text ({ $error }); the fast tier answered
method-deep-english-only = the deep model reads English only; sentences in other languages were read by the rules
method-deep-fell-back = the deep model failed on this text, so the fast tier read the claims
method-checks-off = checks turned off by the configuration, whose findings neither appear nor count: { $codes }

## Sources
source-secondary = According to a secondary report (its original was not found): { $statement }
view-read-in-copy = read in a republished copy
view-link-built = link built from its identifiers
view-no-original = original not found

authority-us_fda = FDA
authority-eu = EU

## Hidden characters and encodings
warning-hidden-characters = the text hides words with { $invisible ->
    [one] 1 invisible character
   *[other] { $invisible } invisible characters
} (zero-width spaces or joiners, soft hyphens) and { $lookalike ->
    [one] 1 look-alike letter
   *[other] { $lookalike } look-alike letters
} (Cyrillic, Greek or full-width letters that look Latin); they were read as the letters they imitate, and hiding words from checkers is itself a warning sign
warning-utf16 = the input is UTF-16 and was decoded; spans count in the decoded text
warning-bom = the input starts with a UTF-8 byte-order mark, which was left out; spans count from the byte after it (3 bytes into the file)
warning-suppressed = { $count ->
    [one] 1 finding was
   *[other] { $count } findings were
} left out by the text's own suppression comments (hypecheck-disable, hypecheck: ignore)
warning-unused-suppression = the suppression comment on line { $line } suppresses nothing
warning-code-skipped = { $count ->
    [one] 1 piece of code (a code block or inline code) was
   *[other] { $count } pieces of code (code blocks or inline code) were
} not read: code is not prose
warning-html-attributes = the HTML has tags with more attributes than any page needs; { $dropped ->
    [one] 1 attribute
   *[other] { $dropped } attributes
} beyond the first { $kept } of a tag { $dropped ->
    [one] was
   *[other] were
} not read
warning-findings-omitted = { $count ->
    [one] 1 further { $code } finding of the same kind was
   *[other] { $count } further { $code } findings of the same kind were
} left out of this report
warning-claims-omitted = { $count ->
    [one] 1 further claim was
   *[other] { $count } further claims were
} left out of this report (the first { $shown } are listed)
warning-too-many-cues = the text has more cue words than any prose ({ $cues } in its first { $read ->
    [one] byte
   *[other] { $read } bytes
}); it was read only that far
# The language server (hypecheck lsp): quick fixes and hovers.
lsp-fix-ignore-line = Ignore { $code } on this line
lsp-fix-unapproved = Replace “{ $cue }” with “{ $replacement }” (the knowledge base: { $statement })
lsp-unapproved-word = unapproved
lsp-fix-risks = Add a sentence on risks and side effects (to fill in)
lsp-risks-placeholder = Risks and side effects: [name the known harms of { $subject }, how often they occur and how serious they are, with the study or regulator that reports them].
lsp-fix-status = Add a sentence on approval (to fill in)
lsp-status-placeholder = Approval: [say whether { $subject } is approved, by which authority and for which use, with the regulator's page].
lsp-subject-fallback = this treatment
lsp-hover-sources = Sources
lsp-hover-as-of = as of { $date }
lsp-cannot-check = hypecheck cannot check this file: { $error }
