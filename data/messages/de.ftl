# hypecheck-Meldungen, Deutsch. Jeder sichtbare Satz steht hier; die IDs sind dieselben wie in en.ftl.

disclaimer = Nur zur Information, keine medizinische Beratung. hypecheck bewertet, wie ein Text argumentiert, nicht, ob eine Behandlung bei Ihnen wirkt. Mit Gesundheitsfragen wenden Sie sich bitte an eine Ärztin oder einen Arzt.

## Die vier Fragen
question-evidence = Belege: kontrollierte Studien am Menschen – oder Tiere, Zellen und Einzelberichte?
question-approval = Zulassung: Ist dieses Produkt für diese Anwendung zugelassen?
question-risks = Risiken: Werden sie offen genannt?
question-language = Sprache: vorsichtig – oder Versprechen von schnellen, sicheren Wundern?
question-compliance = Angaben zu Dosierung, Anwendung und Bezug

verdict-pass = bestanden
verdict-concern = Bedenken
verdict-fail = durchgefallen
verdict-not-applicable = nicht anwendbar

summary-evidence-pass = Der Text sagt, welche Art von Belegen hinter seinen Aussagen steht, und nennt deren Grenzen.
summary-evidence-concern = Die Belege für die Aussagen sind dünn oder werden nicht beschrieben: Einzelberichte, ein vages „Studien zeigen“ oder Aussagen, die über das Bekannte hinausgehen.
summary-evidence-fail = Ein Nutzen für Menschen wird mit Tier- oder Zellversuchen begründet, oder es heißt „bewiesen“, ohne dass eine Studie am Menschen dahintersteht.
summary-evidence-not-applicable = Der Text macht keine Gesundheitsaussage, deren Belege man prüfen könnte.
summary-approval-pass = Der Text gibt den Zulassungsstatus richtig wieder.
summary-approval-concern = Ein Produkt ohne Zulassung für diese Anwendung wird angepriesen, und der Text sagt das nicht.
summary-approval-fail = Der Text behauptet oder suggeriert eine Zulassung, die es für dieses Produkt oder diese Anwendung nicht gibt.
summary-approval-not-applicable = Zur Zulassung gibt es nichts zu beurteilen: Der Text nennt kein Produkt, das die Wissensbasis kennt, und bewirbt kein anderes, ohne etwas zu seiner Zulassung zu sagen.
summary-risks-pass = Risiken werden offen angesprochen.
summary-risks-concern = Risiken fehlen oder werden hinter Wörtern wie „natürlich“ oder „körpereigen“ kleingeredet.
summary-risks-fail = Der Text verspricht Sicherheit („keine Nebenwirkungen“, „100 % sicher“), die keine Behandlung versprechen kann.
summary-risks-not-applicable = Der Text nennt keine Behandlung, deren Risiken man besprechen müsste.
summary-language-pass = Die Wortwahl ist vorsichtig und nennt Wissenslücken.
summary-language-concern = Manche Aussagen sind stärker formuliert, als die Belege es erlauben.
summary-language-fail = Der Text setzt auf Hype: Wunderwörter und absolute Versprechen.
summary-language-not-applicable = Der Text macht keine Aussagen, deren Wortwahl man bewerten könnte.
summary-pass-hc105 = Der Text nennt eine kontrollierte Studie am Menschen hinter seinen Aussagen.
summary-pass-hc108 = Er sagt, wie viele Menschen untersucht wurden.
summary-pass-hc104 = Er nennt Grenzen der Belege.
summary-pass-hc111 = Der beschriebene Nutzen ist eine zugelassene Anwendung, die die Behörde nach Prüfung klinischer Studien erlaubt hat.
summary-pass-hc205 = Der Text nennt den Zulassungsstatus.
summary-pass-hc206 = Die besprochene Anwendung ist eine, für die das Produkt zugelassen ist.
summary-pass-hc303 = Der Text nennt Schäden der Behandlung.
summary-pass-hc404 = Die Wortwahl ist vorsichtig: Aussagen sind eingeschränkt oder Lücken benannt.
summary-pass-hc405 = Seine Aussagen kommen ohne reißerische Wörter und ohne absolute Versprechen aus.
summary-found-hc101 = Nutzen für Menschen wird mit Tier- oder Zellstudien begründet.
summary-found-hc102 = „Bewiesen“ oder „klinisch bewiesen“ steht da, ohne eine kontrollierte Studie am Menschen dahinter.
summary-found-hc103 = Erfahrungsberichte und Anekdoten werden als Beleg angeführt.
summary-found-hc106 = Eine Aussage geht über das hinaus, was die bekannten Belege für diese Anwendung zeigen.
summary-found-hc107 = Es werden Behauptungen aufgestellt, ohne ein Wort zu den Belegen dahinter.
summary-found-hc109 = Der Text sagt nicht, wie stark die Belege sind: kein Studiendesign, keine Größe, keine Grenzen.
summary-found-hc110 = Ursache und Wirkung werden behauptet, obwohl die Belege nur zeigen können, dass Dinge zusammen auftreten, oder was bei Tieren oder Zellen geschieht.
summary-found-hc112 = Nutzen wird nur in relativen Zahlen angegeben, die ihn größer wirken lassen.
summary-found-hc201 = Der Text behauptet eine Zulassung, die es für dieses Produkt oder diese Anwendung nicht gibt.
summary-found-hc202 = Eine Zulassung für eine andere Anwendung wird dargestellt, als gelte sie für diese.
summary-found-hc203 = Wörter, die nach Zulassung klingen („registriert“, „konform“), stehen an der Stelle einer Zulassung.
summary-found-hc204 = Der Text bewirbt ein Produkt, ohne zu sagen, ob es für diese Anwendung zugelassen ist.
summary-found-hc301 = Der Text verspricht Sicherheit („keine Nebenwirkungen“, „100 % sicher“), die keine Behandlung versprechen kann.
summary-found-hc302 = Es wird Nutzen behauptet, aber kein Schaden und keine Nebenwirkung der Behandlung genannt.
summary-found-hc304 = Schäden werden nur allgemein erwähnt: keiner wird genannt, keiner beziffert.
summary-na-hc306 = Der Text nennt keinen Schaden im Einzelnen, aber bei Texten wie diesem verlangten Gutachter von Gesundheitsnachrichten keinen: Schäden stehen hier nicht zur Frage.
summary-found-hc401 = Reißerische Wörter versprechen mehr, als die Belege halten können.
summary-found-hc402 = Es werden absolute Versprechen gemacht („wirkt bei allen“, „dauerhafte Ergebnisse“).
summary-found-hc403 = Ursache und Wirkung werden rundheraus behauptet, ohne ein Wort der Vorsicht.
summary-found-hc406 = Die Überschrift stellt Ursache und Wirkung als Tatsache hin, was die beschriebene Evidenz nicht trägt.

compliance-found = Der Text enthält Angaben zu Dosierung, Anwendung oder Bezug (Dosen, Sitzungspläne, zum Kauf angebotene Preise, Aufforderungen zum Kaufen oder Buchen).
compliance-none = Keine Angaben zu Dosierung, Anwendung oder Bezug gefunden.
compliance-breaks-rule = Der Text macht Angaben zu Dosierung, Anwendung oder Bezug (Dosen, Sitzungspläne, zum Kauf angebotene Preise, Aufforderungen zum Kaufen oder Buchen), die die hier angewandte Redaktionsregel nicht erlaubt.

## Gesamturteil
grade-sober = sachlich
grade-sober-summary = Der Text geht mit Belegen, Zulassung, Risiken und Sprache so um, wie man es sich als aufmerksame Leserin oder aufmerksamer Leser wünscht.
grade-sober-partial-summary = Kein Mangel in { $judged ->
    [one] der einen Frage
   *[other] den { $judged } Fragen
} von vier, zu denen der Text etwas zu beurteilen gibt; zu den übrigen gibt er nichts zu beurteilen.
grade-none = nichts zu beurteilen
grade-none-summary = Dieser Text macht keine gesundheitlichen Aussagen, die hypecheck beurteilen kann.
grade-mostly-sober = überwiegend sachlich
grade-mostly-sober-summary = Überwiegend sorgfältig, mit einem Punkt, auf den man achten sollte.
grade-mixed = gemischt
grade-mixed-summary = Stellenweise sorgfältig, aber mit echten Schwächen.
grade-hype-leaning = eher Hype
grade-hype-leaning-summary = Die Aussagen stützen sich mehr auf Hype als auf Belege.
grade-hype = Hype
grade-hype-summary = Der Text verspricht mehr, als Belege, Zulassungen und Risiken hergeben.

## Befunde (eine Meldung je Prüfung; $cue ist der gefundene Text)
hc101 = „{ $cue }“ bezieht sich auf Tier- oder Zellversuche, doch der Text stellt den Nutzen als für Menschen bewiesen dar („{ $claim }“) und sagt nirgends, dass Belege am Menschen fehlen.
hc102 = „{ $cue }“ wird behauptet, aber der Text nennt keine kontrollierte Studie am Menschen.
hc102-overstated = „{ $cue }“ geht über das hinaus, was selbst eine gute Studie zeigt; eine Studie stützt „verringert“, nicht „bewiesen“.
hc102-vague = „{ $cue }“, ohne zu sagen, welche Studie: ein Beleg, den niemand nachprüfen kann.
hc103 = „{ $cue }“: Erfahrungsberichte und Einzelfälle können nicht zeigen, dass eine Behandlung wirkt; Placebo-Effekt, Besserung von selbst und Auswahl der Fälle erklären sie genauso gut.
hc104 = Der Text nennt eine Grenze der Belege („{ $cue }“).
hc105 = Der Text nennt ein kontrolliertes Studiendesign („{ $cue }“).
hc106 = Die Aussage zu { $intervention } bei { $condition } geht über die Belege hinaus, die die Wissensbasis für diese Anwendung kennt (beste Belege: { $level }).
hc107 = Eine Wirkung wird behauptet, aber der Text sagt nichts über die Belege dafür.
hc110 = Hier wird Ursache und Wirkung behauptet, doch die genannte Evidenz („{ $design }“) kann nur zeigen, dass Dinge zusammen auftreten, oder was in Tieren oder Zellen geschieht.
hc111 = { $intervention } ist für { $condition } zugelassen: Die Behörde hat diese Anwendung nach Prüfung klinischer Studien zugelassen; der beschriebene Nutzen beruht also auf geprüften Studiendaten.
hc112 = Die Größe des Nutzens wird nur relativ angegeben („um 29 %“, „um die Hälfte“); wie viele von wie vielen Menschen profitierten, sagt der Text nicht – so lässt sich ein großer nicht von einem winzigen Effekt unterscheiden.
hc108 = Der Text sagt, wie viele Menschen untersucht wurden („{ $cue }“).
hc109 = { $missing ->
    [animal] Die Ergebnisse stammen aus Tier- oder Zellversuchen, und der Text sagt nicht, was das für Menschen offen lässt.
    [limits] Der Text nennt die Größe der Studie, aber keine ihrer Grenzen; wie weit das Ergebnis trägt, bleibt offen.
   *[size] Der Text sagt nicht, wie belastbar die Evidenz ist: weder die Art der Studie mit der Zahl der Teilnehmenden noch ihre Grenzen.
}
hc201 = „{ $cue }“: Für { $intervention } gibt es keine Zulassung; die Wissensbasis verzeichnet keine.
hc201-other-products = „{ $cue }“: { $intervention } als solche sind nicht zugelassen; zugelassen sind nur bestimmte Produkte für bestimmte Anwendungen: { $approved }.
hc201-other-products-condition = „{ $cue }“: { $intervention } als solche sind nicht zugelassen; zugelassen sind nur bestimmte Produkte für bestimmte Anwendungen: { $approved }. Keines davon ist für { $condition } zugelassen.
hc202 = { $intervention } ist nur für bestimmte Anwendungen zugelassen ({ $approved }); { $condition } gehört nicht dazu.
hc203 = „{ $cue }“ klingt nach Zulassung, ist aber keine: Eine Registrierung, „Konformität“ oder die Freigabe eines Geräts ist keine Prüfung von Sicherheit und Wirksamkeit.
hc204 = Der Text preist { $intervention } an, sagt aber nirgends, dass es dafür keine Zulassung gibt.
hc204-product = Der Text verspricht einen Nutzen von { $subject }, sagt aber nicht, ob es dafür zugelassen ist: zugelassen, zertifiziert, experimentell oder ohne Zulassung verkauft.
hc205 = Der Text nennt den Zulassungsstatus („{ $cue }“).
hc206 = { $intervention } wird für { $condition } besprochen – eine Anwendung, für die es zugelassen ist.
hc301 = „{ $cue }“ verspricht Sicherheit. Jede Behandlung hat Risiken; bei nicht regulierten biologischen Produkten sind Schäden dokumentiert.
hc302 = Der Text verspricht Nutzen von { $intervention }, nennt aber keine Schäden oder Nebenwirkungen.
hc303 = Der Text nennt einen Schaden der Behandlung („{ $cue }“).
hc304 = Der Text spricht von Schäden nur allgemein („{ $cue }“): Er nennt keinen und sagt nicht, wie oft sie auftreten.
hc305 = Gutachter von Gesundheitsnachrichten beurteilten Texte wie diesen als ungenügend bei den Schäden: einen Schaden zu nennen („{ $cue }“) sagt nicht, wie oft er auftritt, wie schwer er ist und wie er sich zum Nutzen verhält (Modell, trainiert auf ihren Bewertungen, zu { $confidence } % sicher).
hc306 = Hier wird kein Schaden im Einzelnen genannt, aber Gutachter von Gesundheitsnachrichten bemängelten das bei Texten wie diesem nicht: Das auf ihren Bewertungen trainierte Modell schätzt die Wahrscheinlichkeit, dass sie es täten, auf { $chance } %. Wo Gutachter keinen Schaden zur Frage sahen, ging es meist um ein alltägliches Lebensmittel, eine Ernährungsweise oder ein Verhalten, in einer Studie beobachtet.
subject-this-treatment = diese Behandlung
hc401 = „{ $cue }“ ist reißerische Sprache, die mehr verspricht, als Belege halten können.
hc402 = „{ $cue }“ ist ein absolutes Versprechen; keine Behandlung wirkt bei allen, sofort und für immer.
hc403 = Die Wirkung wird als direkte Ursache und Folge dargestellt, ohne jede Einschränkung.
hc404 = Vorsichtige Wortwahl („{ $cue }“).
hc405 = Der Text stellt seine Behauptungen ohne reißerische Wörter und ohne absolute Versprechen auf ({ $claims ->
    [one] 1 Behauptung gelesen
   *[other] { $claims } Behauptungen gelesen
}).
hc406 = Die Überschrift stellt Ursache und Wirkung als Tatsache hin, ohne Einschränkung und ohne ein Wort zur Studie dahinter; viele lesen nur die Überschrift.
hc501 = „{ $cue }“ ist eine Angabe zu Dosierung oder Anwendung, die ein informierender Text nicht machen sollte.
hc502 = „{ $cue }“ ist ein zum Kauf angebotener Preis: mit Angebotswörtern oder einer Aufforderung zu kaufen oder zu buchen verkauft der Text, statt zu informieren.
hc502-information = „{ $cue }“ sagt den Lesern, was die Behandlung kostet; das hilft ihnen beim Urteil und ist kein Angebot.
hc503 = „{ $cue }“ fordert zum Kaufen, Bestellen oder Buchen auf.

## Terminal-Ansichten
view-report-title = hypecheck-Bericht
view-grade = Gesamturteil
view-key-points = Das Wichtigste
view-what-you-can-do = Was Sie tun können
view-do-approval = Fragen Sie, ob das Produkt für genau diese Anwendung zugelassen ist und von wem (FDA, EMA); „registriert“ oder „konform“ ist keine Zulassung.
view-do-evidence = Fragen Sie nach der kontrollierten Studie am Menschen hinter jedem Versprechen; Ergebnisse bei Mäusen oder in Zellen sind keine Ergebnisse bei Menschen.
view-do-risks = Fragen Sie, welche Nebenwirkungen und Komplikationen bekannt sind und was passiert, wenn etwas schiefgeht.
view-do-advice = Lassen Sie sich von einer Ärztin oder einem Arzt Ihres Vertrauens beraten, nicht von einem Forum oder einer Produktseite.
view-findings = Befunde
view-sources = Quellen
view-claims = Aussagen
view-cues = Hinweiswörter
view-context = Kontext
view-as-of = Stand
view-no-findings = Keine Befunde.
view-span-basis-extracted = Die Positionen beziehen sich auf den Text, der aus der { $format }-Eingabe gewonnen wurde.
view-more-findings = { $count ->
    [one] … und 1 weiterer Befund (mit --view expert sehen Sie alle).
   *[other] … und { $count } weitere Befunde (mit --view expert sehen Sie alle).
}
view-compliance = Dosierung, Anwendung und Bezug

## Evidenzstufen in der Wissensbasis
evidence-level-none = keine bekannt
evidence-level-preclinical = nur Tier- und Zellversuche
evidence-level-early-human = frühe oder kleine Studien am Menschen
evidence-level-phase3 = Phase-3-Studien
evidence-level-approved = für diese Anwendung zugelassen
view-source = Quelle:

## Schwere eines Befunds im Terminal
severity-positive = gut
severity-info = Hinweis
severity-concern = Bedenken
severity-fail = durchgefallen

## Expertenkriterien (HealthNewsReview); ein Grund je Urteil
criterion-costs-satisfactory = Kosten werden besprochen (Preise, Kostenübernahme oder Kosten im Vergleich mit anderen Möglichkeiten).
criterion-costs-not-satisfactory = Die Kosten werden nicht angemessen besprochen.
criterion-benefits-satisfactory = Der Nutzen wird in Zahlen angegeben (Prozent oder Anzahl).
criterion-benefits-not-satisfactory = Der Nutzen wird nicht angemessen in Zahlen angegeben (erwartet werden Zahlen, am besten absolute).
criterion-harms-satisfactory = Schäden oder Nebenwirkungen werden besprochen.
criterion-harms-not-satisfactory = Schäden und Nebenwirkungen werden nicht angemessen erklärt oder beziffert.
criterion-evidence-satisfactory = Der Text macht die Grenzen der Belege deutlich.
criterion-evidence-not-satisfactory = Qualität und Grenzen der Belege bleiben unklar.
criterion-disease-mongering-satisfactory = Keine Übertreibung von Häufigkeit oder Schwere der Erkrankung gefunden.
criterion-disease-mongering-not-satisfactory = Der Text dramatisiert, wie häufig oder schwer die Erkrankung ist.
criterion-conflicts-satisfactory = Finanzierung oder Interessenkonflikte werden genannt.
criterion-conflicts-not-satisfactory = Geldgeber und Interessenkonflikte werden nicht offengelegt.
criterion-alternatives-satisfactory = Der Text vergleicht den Ansatz mit bestehenden Alternativen.
criterion-alternatives-not-satisfactory = Bestehende Alternativen werden nicht angemessen verglichen.
criterion-availability-satisfactory = Der Text sagt, ob und wie die Behandlung verfügbar oder zugelassen ist.
criterion-availability-not-satisfactory = Verfügbarkeit und Zulassungsstatus bleiben offen.
criterion-novelty-satisfactory = Der Text übertreibt nicht, wie neu der Ansatz ist.
criterion-novelty-not-satisfactory = Der Text belegt nicht, wie neu der Ansatz wirklich ist (etwa „erstmals“ oder „neu“ ohne Einordnung).
criterion-sensational-language-satisfactory = Keine reißerische Sprache gefunden.
criterion-sensational-language-not-satisfactory = Der Text verwendet reißerische Sprache oder absolute Versprechen.
view-criteria = Expertenkriterien (HealthNewsReview)
criterion-not-applicable = Das Kriterium passt nicht auf diesen Text (zum Beispiel die Kosten eines Verhaltens).
criterion-learned = Urteil eines Modells, das an den Bewertungen der Fachleute trainiert wurde; am stärksten wog: { $weighed }.

# Merkmale, die ein gelerntes Urteil nennt (Expertenansicht); Hinweisarten, Prüfcodes und
# Kriterienschlüssel bleiben ihre festen Kennungen.
feature-word = „{ $text }“
feature-cue = Hinweis { $kind }
feature-finding = Prüfung { $code }
feature-rule = Regelantwort für { $criterion }
feature-claim = Aussage der Stärke { $strength }
feature-numbers = Zahlen
feature-percentages = Prozentangaben
feature-with-how = { $what } ({ $how })
how-negated = verneint
how-hedged = abgeschwächt
how-hypothetical = angenommen
how-reported = wiedergegeben
how-quoted = zitiert
how-refuted = widerlegt
how-positive = gut
how-info = Hinweis
how-concern = Bedenken
how-fail = durchgefallen
how-satisfactory = erfüllt
how-not-satisfactory = nicht erfüllt
how-not-applicable = nicht zutreffend

# Warnungen zur Eingabe.
warning-control-characters = Der Text enthält { $count } Steuerzeichen; vielleicht ist er kein Fließtext.
warning-html-too-deep = Das HTML verschachtelt Elemente { $depth } Ebenen tief; seine Tags wurden ohne Parser entfernt (Navigation und anderes Beiwerk können übrig sein).
warning-html-syntax = Das HTML hat { $problems ->
    [one] 1 Syntaxfehler
   *[other] { $problems } Syntaxfehler
}; es wurde so gelesen, wie ein Browser es liest.
warning-spans-extracted = Die Fundstellen beziehen sich auf den sichtbaren Text, der aus dem HTML gewonnen wurde, nicht auf den HTML-Quelltext.

## Die Stufen (tief: der feinabgestimmte Encoder; schnell: die linearen Modelle; Regeln)
warning-deep-failed = Das tiefe Modell konnte diesen Text nicht lesen ({ $error }); die schnelle Stufe hat geantwortet.
method-deep-english-only = Das tiefe Modell liest nur Englisch; Sätze in anderen Sprachen wurden nach den Regeln gelesen.
method-deep-fell-back = Das tiefe Modell ist an diesem Text gescheitert, daher hat die schnelle Stufe die Aussagen gelesen.
method-checks-off = Durch die Konfiguration abgeschaltete Prüfungen, deren Befunde weder erscheinen noch zählen: { $codes }

## Quellen
source-secondary = Laut einem Sekundärbericht (das Original wurde nicht gefunden): { $statement }
view-read-in-copy = gelesen in einer Wiederveröffentlichung
view-link-built = Link aus den Kennungen gebildet
view-no-original = Original nicht gefunden

authority-us_fda = FDA
authority-eu = EU

## Versteckte Zeichen und Kodierungen
warning-hidden-characters = Der Text versteckt Wörter mit { $invisible ->
    [one] 1 unsichtbaren Zeichen
   *[other] { $invisible } unsichtbaren Zeichen
} (Leerzeichen oder Verbinder ohne Breite, weiche Trennstriche) und { $lookalike ->
    [one] 1 ähnlich aussehenden Buchstaben
   *[other] { $lookalike } ähnlich aussehenden Buchstaben
} (kyrillische, griechische oder vollbreite Buchstaben, die lateinisch aussehen); sie wurden als die nachgeahmten Buchstaben gelesen, und Wörter vor Prüfprogrammen zu verstecken ist selbst ein Warnzeichen.
warning-utf16 = Die Eingabe ist UTF-16 und wurde dekodiert; die Fundstellen zählen im dekodierten Text.
warning-bom = Die Eingabe beginnt mit einer UTF-8-Bytereihenfolge-Markierung, die weggelassen wurde; die Fundstellen zählen ab dem Byte danach (3 Bytes in der Datei).
warning-suppressed = { $count ->
    [one] 1 Befund wurde
   *[other] { $count } Befunde wurden
} durch Unterdrückungskommentare im Text ausgelassen (hypecheck-disable, hypecheck: ignore).
warning-unused-suppression = Der Unterdrückungskommentar in Zeile { $line } unterdrückt nichts.
warning-code-skipped = { $count ->
    [one] 1 Stück Code (ein Codeblock oder Code im Text) wurde
   *[other] { $count } Stücke Code (Codeblöcke oder Code im Text) wurden
} nicht gelesen: Code ist kein Fließtext.
warning-html-attributes = Das HTML hat Tags mit mehr Attributen, als eine Seite braucht; { $dropped ->
    [one] 1 Attribut nach den ersten { $kept } eines Tags wurde
   *[other] { $dropped } Attribute nach den ersten { $kept } eines Tags wurden
} nicht gelesen.
warning-findings-omitted = { $count ->
    [one] 1 weiterer { $code }-Befund derselben Art wurde
   *[other] { $count } weitere { $code }-Befunde derselben Art wurden
} in diesem Bericht weggelassen.
warning-claims-omitted = { $count ->
    [one] 1 weitere Aussage wurde
   *[other] { $count } weitere Aussagen wurden
} in diesem Bericht weggelassen (die ersten { $shown } sind aufgeführt).
warning-too-many-cues = Der Text hat mehr Signalwörter als jeder Fließtext ({ $cues } in { $read ->
    [one] seinem ersten Byte
   *[other] seinen ersten { $read } Bytes
}); er wurde nur bis dorthin gelesen.
# The language server (hypecheck lsp): quick fixes and hovers.
lsp-fix-ignore-line = { $code } in dieser Zeile ignorieren
lsp-fix-unapproved = „{ $cue }“ durch „{ $replacement }“ ersetzen (die Wissensbasis: { $statement })
lsp-unapproved-word = nicht zugelassen
lsp-fix-risks = Einen Satz zu Risiken und Nebenwirkungen einfügen (auszufüllen)
lsp-risks-placeholder = Risiken und Nebenwirkungen: [die bekannten Schäden von { $subject } nennen, wie oft sie auftreten und wie schwer sie sind, mit der Studie oder Behörde, die sie berichtet].
lsp-fix-status = Einen Satz zur Zulassung einfügen (auszufüllen)
lsp-status-placeholder = Zulassung: [angeben, ob { $subject } zugelassen ist, von welcher Behörde und für welche Anwendung, mit der Seite der Behörde].
lsp-subject-fallback = dieser Behandlung
lsp-hover-sources = Quellen
lsp-hover-as-of = Stand { $date }
lsp-cannot-check = hypecheck kann diese Datei nicht prüfen: { $error }
