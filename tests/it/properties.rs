//! Property tests: no input makes a parser panic, and every span stays in
//! bounds and on char boundaries.

use klausul::analysis::{amount, duration, numbers, reference};
use klausul::profile::Profile;
use proptest::prelude::*;

/// Text built from the pieces tenders are made of, so the properties reach the
/// interesting paths, plus arbitrary characters.
fn tenderish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Leverantören ",
        "ska ",
        "bör ",
        "följa ",
        "diskrimineringslagen ",
        "(2008:567)",
        ". ",
        "\n",
        "\n\n",
        "## 7.4 ",
        "Antidiskriminering",
        "vite ",
        "25 000 kr ",
        "per påbörjad vecka",
        "inom 30 dagar",
        "skälig tid",
        "-\n",
        "\u{c}",
        "Sida 2 av 3\n",
        "| a | b |\n",
        "• ",
        "a) ",
        "håva ",
        "å",
        "ä",
        "ö",
        "\u{ad}",
        "\u{a0}",
        "t.ex. ",
        "punkt 7.4 ",
        "Bilaga 5 Antidiskrimineringsklausul\n",
        "häva ",
        "väsentligt avtalsbrott ",
        "kan komma att ",
        "\r\n",
        "İ",
        "ẞ",
    ]);
    (prop::collection::vec(pieces, 0..60), ".{0,20}").prop_map(|(p, tail)| p.concat() + &tail)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn checking_never_panics_and_spans_are_sound(text in tenderish()) {
        let profile = Profile::stockholm();
        let checked = super::check_markdown(&text, &profile);
        prop_assert_eq!(checked.requirements.len(), 13);
        for r in &checked.requirements {
            for loc in &r.locations {
                prop_assert!(loc.byte_start <= loc.byte_end && loc.byte_end <= text.len());
                prop_assert!(text.is_char_boundary(loc.byte_start) && text.is_char_boundary(loc.byte_end));
                prop_assert_eq!(&text[loc.byte_start..loc.byte_end], loc.text.as_str());
            }
        }
    }

    #[test]
    fn parsers_never_panic(text in "\\PC{0,40}") {
        let lower = text.to_lowercase();
        let _ = amount::amount(&lower);
        let _ = duration::duration(&lower);
        let _ = reference::reference(&lower);
        let _ = numbers::number(&lower);
    }

    #[test]
    fn amounts_read_back_what_was_written(n in 1u32..10_000_000) {
        // Render the way Swedish contracts write it, then parse.
        let written = klausul::check::fmt_number(f64::from(n));
        let text = format!("{written} kr per påbörjad vecka");
        let (_, parsed) = amount::amount(&text).unwrap();
        prop_assert_eq!(parsed.money, amount::Money::Sek(f64::from(n)));
        prop_assert_eq!(parsed.rate, amount::Rate::PerWeek);
    }

    #[test]
    fn durations_read_back_what_was_written(n in 1u32..400) {
        let text = format!("{n} dagar");
        let (_, parsed) = duration::duration(&text).unwrap();
        prop_assert!((parsed.days() - f64::from(n)).abs() < 1e-9);
    }
}
