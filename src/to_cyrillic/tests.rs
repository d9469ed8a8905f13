//! Tote -> Cyrillic, rule by rule: one test per rule, named after it.

use super::*;
use crate::Style;

fn cyrillic(text: &str, style: Style) -> String {
    to_cyrillic(text, &style.rules(), Casing::Lower, WordSource::Rules).into_owned()
}

/// Kazinform tote in Cyrillic with the lexicon and sentence casing (the defaults).
#[cfg(feature = "lexicon")]
fn with_lexicon(tote: &str) -> String {
    let rules = Style::Kazinform.rules();
    to_cyrillic(tote, &rules, Casing::Sentence, WordSource::Lexicon).into_owned()
}

#[test]
fn hamza_makes_the_word_front() {
    assert_eq!(cyrillic("ءبىز", Style::Kazinform), "біз");
    assert_eq!(cyrillic("ءقازىر", Style::Kazinform), "қәзір");
    assert_eq!(cyrillic("قازاق", Style::Kazinform), "қазақ");
    assert_eq!(cyrillic("كۇشكە", Style::Kazinform), "күшке");
}

#[test]
fn yeh_before_e_after_a_vowel_is_the_inserted_one_in_ev() {
    assert_eq!(cyrillic("توقايەۆ", Style::Kazinform), "тоқаев");
    assert_eq!(cyrillic("توقاەۆ", Style::Egemen), "тоқаев");
    assert_eq!(cyrillic("جۇيە", Style::Kazinform), "жүйе");
}

#[test]
fn letter_spaced_runs_are_capital_abbreviations() {
    assert_eq!(cyrillic("ي ى ۇ- داعى", Style::Kazinform2023), "ИЫҰ-дағы");
    assert_eq!(cyrillic("ق ر س ءى م", Style::Kazinform), "ҚРСІМ");
    assert_eq!(cyrillic("ت. ب", Style::Kazinform), "т. б");
}

#[cfg(feature = "lexicon")]
#[cfg(feature = "lexicon")]
#[test]
fn joined_short_words_with_vowels_side_by_side_are_abbreviations_where_the_style_joins_them() {
    let egemen = |tote: &str| {
        to_cyrillic(
            tote,
            &Style::Egemen.rules(),
            Casing::Sentence,
            WordSource::Lexicon,
        )
        .into_owned()
    };
    assert_eq!(egemen("ول شىۇ-عا مۇشە"), "Ол ШЫҰ-ға мүше");
    // A compound's seam is no abbreviation; nor is a joined run where the style spaces
    // abbreviations (it would not convert back).
    assert_eq!(egemen("ول سارىارقادا"), "Ол Сарыарқада");
    assert_eq!(with_lexicon("ول شىۇ-عا مۇشە"), "Ол шыұ-ға мүше");
}

#[cfg(feature = "lexicon")]
#[test]
fn a_words_hamza_that_its_first_part_does_not_stand_for_makes_a_later_part_front() {
    assert_eq!(with_lexicon("ول ءقازمۋ-دىڭ"), "Ол ҚазМУ-дің");
    assert_eq!(with_lexicon("ول قازمۋ-دىڭ"), "Ол ҚазМУ-дың");
    assert_eq!(with_lexicon("ول ءۇي-جاي"), "Ол үй-жай");
}

#[cfg(feature = "lexicon")]
#[test]
fn after_a_number_a_month_is_in_lower_case_and_a_one_letter_s_is_the_celsius_sign() {
    assert_eq!(
        with_lexicon("ول 1 قازاندا، 22-تامىزدا كەلدى. قازان قالاسى"),
        "Ол 1 қазанда, 22-тамызда келді. Қазан қаласы"
    );
    assert_eq!(
        with_lexicon("تەمپەراتۋرا 20°س، 28س جانە 0 س"),
        "Температура 20°С, 28С және 0 С"
    );
    // Seconds after a space, with a stop; elsewhere the letter stays.
    assert_eq!(with_lexicon("ول 5 س. ءجۇردى"), "Ол 5 с. жүрді");
    assert_eq!(with_lexicon("ول س ارقىلى"), "Ол с арқылы");
}

#[cfg(feature = "lexicon")]
#[test]
fn a_speech_verb_starts_no_sentence() {
    assert_eq!(
        with_lexicon("ول كەتتى.\n— دەدى.\nقاشان؟ دەپ سۇرادى"),
        "Ол кетті.\n— деді.\nҚашан? деп сұрады"
    );
    // Other words after a line's dash start their sentence.
    assert_eq!(with_lexicon("— دەرەۋ كەل!"), "— Дереу кел!");
}

#[cfg(feature = "lexicon")]
#[test]
fn a_patronymic_joins_a_fathers_name_not_a_case_form_or_a_sentence_starts_common_word() {
    assert_eq!(with_lexicon("ول مۇحتار ۇلى كەلدى"), "Ол Мұхтарұлы келді");
    // A genitive or locative ending: "Жамбыл's son", "great in Europe".
    assert_eq!(with_lexicon("جامبىلدىڭ ۇلى كەلدى"), "Жамбылдың ұлы келді");
    assert_eq!(
        with_lexicon("ول ەۋروپادا ۇلى وزگەرىس"),
        "Ол Еуропада ұлы өзгеріс"
    );
    // `мен` has its capital from the sentence start only.
    assert_eq!(with_lexicon("مەن ۇلى اقىنمىن"), "Мен ұлы ақынмын");
    // A word the lexicon has in lower case (`өтеміс`) joins as the name the lexicon
    // knows joined.
    assert_eq!(
        with_lexicon("ماحامبەت وتەمىس ۇلى كەلدى"),
        "Махамбет Өтемісұлы келді"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn letter_spaced_runs_are_cut_into_the_abbreviations_the_lexicon_knows() {
    // The lexicon tells `Э` from `Е`, and where one abbreviation ends and the next starts.
    assert_eq!(with_lexicon("قۋاتتى ج ە س"), "Қуатты ЖЭС");
    assert_eq!(with_lexicon("ا ە س سالۋ"), "АЭС салу");
    assert_eq!(with_lexicon("ق ر ءى ءى م"), "ҚР ІІМ");
    // A heading's short words in capitals are letter-spaced too: words it knows.
    assert_eq!(with_lexicon("ازامات ق ا ي د ا؟"), "Азамат ҚАЙДА?");
    assert_eq!(with_lexicon("ت ا ع ى ب ءى ر ق ا ر ا"), "ТАҒЫ БІР ҚАРА");
    // Runs it knows nothing of stay one abbreviation (up to five letters).
    assert_eq!(with_lexicon("ق ج ف ب"), "ҚЖФБ");
}

#[cfg(feature = "lexicon")]
#[test]
fn a_dash_or_closing_quote_after_a_stop_brings_lower_case_a_dash_after_a_colon_a_capital() {
    assert_eq!(
        with_lexicon("— قاشان كەلەسىڭ؟ — دەپ سۇرادى."),
        "— Қашан келесің? — деп сұрады."
    );
    assert_eq!(
        with_lexicon("ول بىلاي دەدى: — ءبىز كەلەمىز."),
        "Ол былай деді: — Біз келеміз."
    );
    // A straight quote closes before a space.
    assert_eq!(
        with_lexicon("\"وسىلاي تۇر!\" دەگەندەي ول"),
        "\"Осылай тұр!\" дегендей ол"
    );
    // A straight quote opens speech or a title before several words, a term before one;
    // before a speech verb, a phrase (`"өте жақсы" деген`).
    assert_eq!(
        with_lexicon("ول \"وتە جاقسى\" دەگەن باعامەن ءبىتىردى"),
        "Ол \"өте жақсы\" деген бағамен бітірді"
    );
    assert_eq!(
        with_lexicon("ول \"اققان جۇلدىز\" جانە \"جۇرەك\" دەپ"),
        "Ол \"Аққан жұлдыз\" және \"жүрек\" деп"
    );
    // Without the dash, a colon brings no capital.
    assert_eq!(
        with_lexicon("ول بىلاي دەدى: ءبىز كەلەمىز."),
        "Ол былай деді: біз келеміз."
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_title_in_guillemets_has_a_capital_a_term_quoted_before_dep_has_none() {
    assert_eq!(with_lexicon("«قازاق» گازەتى"), "«Қазақ» газеті");
    assert_eq!(
        with_lexicon("ولار «پەرىشتە» دەپ اتادى"),
        "Олар «періште» деп атады"
    );
    assert_eq!(
        with_lexicon("ولار “پەرىشتە”، دەپ اتادى"),
        "Олар “періште”, деп атады"
    );
    // More than one word, or another word after it: a title or speech.
    assert_eq!(
        with_lexicon("ولار «اق پەرىشتە» دەپ اتادى"),
        "Олар «Ақ періште» деп атады"
    );
    assert_eq!(with_lexicon("«پەرىشتە» كىتابى دەپ"), "«Періште» кітабы деп");
    // Before a noun that names the term.
    assert_eq!(with_lexicon("«قازاق» ءسوزىنىڭ"), "«қазақ» сөзінің");
}

#[cfg(feature = "lexicon")]
#[test]
fn the_story_after_a_news_dateline_starts_a_sentence() {
    assert_eq!(
        with_lexicon("استانا. قازاقپارات - جاقىندا جيىن ءوتتى."),
        "Астана. Қазақпарат - Жақында жиын өтті."
    );
    assert_eq!(
        with_lexicon("2023-11 استانا. KAZINFORM - جاقىندا"),
        "2023-11 Астана. KAZINFORM - Жақында"
    );
    // Not after more words of the story.
    assert_eq!(
        with_lexicon("ول كەلدى. ءبىز دە - جاقىندا"),
        "Ол келді. Біз де - жақында"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_suffix_chain_that_makes_common_words_of_names_takes_the_capital_away() {
    // `Германия` is a name; `-лық` makes adjectives of names, `-дың` keeps them names.
    assert_eq!(
        with_lexicon("ءبىرقاتار گەرمانيالىق تۇرىكتەر، ابايدىڭ ولەڭى"),
        "Бірқатар германиялық түріктер, Абайдың өлеңі"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_word_seen_only_at_sentence_starts_takes_its_stems_case() {
    // The corpus has `Мағауияның` only at sentence starts, `Мағауия` inside sentences.
    assert_eq!(
        with_lexicon("ول ماعاۋيانىڭ قازاسىنان كەيىن"),
        "Ол Мағауияның қазасынан кейін"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn words_of_a_casing_pair_take_the_pairs_casing() {
    // `оңтүстік` alone is lower case, `Батыс` alone capitalised (`Батыс Қазақстан`).
    assert_eq!(
        with_lexicon("ول وڭتۇستىك قازاقستان تۋرالى."),
        "Ол Оңтүстік Қазақстан туралы."
    );
    assert_eq!(with_lexicon("ول وڭتۇستىك جاقتا."), "Ол оңтүстік жақта.");
    assert_eq!(
        with_lexicon("پروۆينتسياسىنىڭ باتىس جاعالاۋىندا"),
        "Провинциясының батыс жағалауында"
    );
    // No pair: `оңтүстік` is capitalised before a name.
    assert_eq!(
        with_lexicon("ول وڭتۇستىك امەريكادا"),
        "Ол Оңтүстік Америкада"
    );
    // Only with one space between them: a comma parts them.
    assert_eq!(
        with_lexicon("ول وڭتۇستىك، قازاقستان"),
        "Ол оңтүстік, Қазақстан"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn later_parts_of_a_hyphenated_word_follow_the_first_part() {
    // After a lower-case part, lower case (`Батыс` alone is capitalised).
    assert_eq!(
        with_lexicon("ول وڭتۇستىك-باتىس جاقتا"),
        "Ол оңтүстік-батыс жақта"
    );
    // After a name, a part the lexicon does not know as a word is a name too.
    assert_eq!(with_lexicon("ول نيۋ-يوركتەگى"), "Ол Нью-Йорктегі");
    // After a sentence start, a known word keeps its own casing.
    assert_eq!(with_lexicon("سونداي-اق"), "Сондай-ақ");
    // After an Arabic article or `ибн`, a name (`әл-Фараби`: the hamza is the article's);
    // a common word stays in lower case (`ас-су`).
    assert_eq!(
        with_lexicon("ول ءال-فارابي اتىنداعى ۋنيۆەرسيتەتتە"),
        "Ол әл-Фараби атындағы университетте"
    );
    assert_eq!(with_lexicon("ول يبن-سينا"), "Ол ибн-Сина");
    assert_eq!(
        with_lexicon("ول اس-سۋ مەن ار-نامىس"),
        "Ол ас-су мен ар-намыс"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_common_word_and_a_chain_that_makes_names_is_a_name() {
    // `тоқтар` is a common word; with `бай` it is a name the corpus never had.
    assert_eq!(
        with_lexicon("ولار توقتارباي مەن كورپەش"),
        "Олар Тоқтарбай мен Көрпеш"
    );
    // A chain that makes no names leaves the common word in lower case.
    assert_eq!(with_lexicon("ولار توقتاردى"), "Олар тоқтарды");
}

#[cfg(feature = "lexicon")]
#[test]
fn a_word_of_unknown_case_before_a_head_of_names_is_a_name() {
    assert_eq!(
        with_lexicon("ول بىشكەك قالاسىندا بولدى"),
        "Ол Бішкек қаласында болды"
    );
    // A word the lexicon knows keeps its case.
    assert_eq!(
        with_lexicon("ول ۇلكەن قالاسىندا بولدى"),
        "Ол үлкен қаласында болды"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_lower_case_word_between_two_names_of_a_list_is_a_name() {
    // `сыр` alone is a common word.
    assert_eq!(
        with_lexicon("ولار تالاس، ەرتىس، سىر، ىلە وزەندەرى."),
        "Олар Талас, Ертіс, Сыр, Іле өзендері."
    );
    // The last item after a conjunction.
    assert_eq!(
        with_lexicon("ولار تالاس، سىر جانە ىلە بويىندا."),
        "Олар Талас, Сыр және Іле бойында."
    );
    // A sentence start is no name.
    assert_eq!(
        with_lexicon("ول، كوبىنەسە، قازاقستاننىڭ سولتۇستىگىندە."),
        "Ол, көбінесе, Қазақстанның солтүстігінде."
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_word_of_unknown_case_before_a_surname_is_a_given_name() {
    // `садыр` is unknown, `жанат` a dictionary word of open case.
    assert_eq!(
        with_lexicon("باسشىسى سادىر جاپاروۆ كەلدى"),
        "Басшысы Садыр Жапаров келді"
    );
    assert_eq!(
        with_lexicon("ساراپشى جانات مومىنقۇلوۆ ايتتى"),
        "Сарапшы Жанат Момынқұлов айтты"
    );
    // A word the lexicon knows in lower case stays so, and so does an unknown title.
    assert_eq!(with_lexicon("ول مەن احمەتوۆ"), "Ол мен Ахметов");
    assert_eq!(
        with_lexicon("وبلىسىنىڭ اكىمى توقايەۆ"),
        "Облысының әкімі Тоқаев"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_common_word_between_a_title_and_a_surname_is_a_given_name() {
    assert_eq!(
        with_lexicon("ول حاتشىسى سۇلتان رايەۆپەن سويلەستى"),
        "Ол хатшысы Сұлтан Раевпен сөйлесті"
    );
    assert_eq!(
        with_lexicon("ساراپشىسى تالشىن يتاليەۆا ايتتى"),
        "Сарапшысы Талшын Италиева айтты"
    );
    // Not a title (no possessive ending), or not a word in the nominative.
    assert_eq!(with_lexicon("ول مەن احمەتوۆ"), "Ол мен Ахметов");
    assert_eq!(
        with_lexicon("ول حاتشىسى سۇلتانعا احمەتوۆ"),
        "Ол хатшысы сұлтанға Ахметов"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn a_hyphenated_name_before_a_surname_is_a_double_given_name() {
    // `жомарт` alone is a common word; before a surname it is a name.
    assert_eq!(
        with_lexicon("پرەزيدەنت قاسىم-جومارت توقايەۆتىڭ"),
        "Президент Қасым-Жомарт Тоқаевтың"
    );
    assert_eq!(with_lexicon("ول قاسىم-جومارت ادام"), "Ол Қасым-жомарт адам");
    // Not after a first part that is no name, nor with anything between the words.
    assert_eq!(with_lexicon("سونداي-اق توقايەۆ"), "Сондай-ақ Тоқаев");
    assert_eq!(
        with_lexicon("قاسىم-جومارت، توقايەۆ"),
        "Қасым-жомарт, Тоқаев"
    );
}

#[cfg(feature = "lexicon")]
#[test]
fn initials_before_a_name_take_capitals_abbreviations_do_not() {
    let arabic = |cyrillic: &str| {
        crate::to_arabic::to_arabic(cyrillic, &Style::Kazinform.rules()).into_owned()
    };
    for text in [
        "Әншілер Ж.Елебеков, Н. Ә. Назарбаев келді.",
        "Ол 2019 ж. Астанада, т.б. көптеген.",
        // A known abbreviation's stop ends no sentence.
        "Қоры 5 млн. т. асады.",
    ] {
        assert_eq!(with_lexicon(&arabic(text)), text);
    }
}

#[cfg(feature = "lexicon")]
#[test]
fn the_letter_model_may_soften_a_consonant_with_yu_and_ya() {
    // Words the lexicon never saw: `ю` after a consonant, not `ию`.
    assert_eq!(with_lexicon("ول بيۋدجەتكە"), "Ол бюджетке");
    assert_eq!(with_lexicon("ول ليۋكسەمبۋرگتەن"), "Ол Люксембургтен");
}

#[cfg(feature = "lexicon")]
#[test]
fn the_letter_model_may_write_i_after_a_vowel() {
    // A word the lexicon never saw: `оид`, not `ойд`.
    assert_eq!(with_lexicon("ول ورگانويدتاردى"), "Ол органоидтарды");
}
