//! The profile's word lists, each declared once. One line below names a list;
//! from it come the field of the TOML mirror, the field of the validated
//! profile, the check that a base profile gives it, and the replacement when
//! an extending profile gives it again.

use serde::Deserialize;
use toml::Spanned;

use super::phrases::SetId;

/// A list of patterns as the TOML gives it, each with its place in the file.
pub type Patterns = Vec<Spanned<String>>;

/// What builds a list's set and reports a list a base profile leaves out:
/// the profile's validator.
pub trait Sets {
    fn set(&mut self, patterns: &Patterns) -> SetId;
    fn required_set(&mut self, patterns: Option<&Patterns>, key: &str) -> SetId;
}

/// `[scope.cpv]`: the CPV divisions of goods, works and services, each a
/// division ("48") or a range of them ("03-44").
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpvSpec {
    #[serde(default)]
    pub goods: Vec<Spanned<String>>,
    #[serde(default)]
    pub works: Vec<Spanned<String>>,
    #[serde(default)]
    pub services: Vec<Spanned<String>>,
}

/// For each table: the mirror's name, the validated type's name, its word
/// lists, and its other settings (with the value a base profile that leaves
/// them out gets). Lists are built in the order they are declared, which
/// numbers their sets.
macro_rules! word_tables {
    ($(
        $(#[$doc:meta])*
        [$table:literal] $Spec:ident => $Words:ident {
            lists { $( $(#[$ldoc:meta])* $list:ident ),* $(,)? }
            optional_lists { $( $(#[$qdoc:meta])* $optional:ident ),* $(,)? }
            settings { $( $(#[$sdoc:meta])* $setting:ident : $ty:ty = $default:expr ),* $(,)? }
            spec_only { $( $(#[$odoc:meta])* $extra:ident : $ety:ty ),* $(,)? }
        }
    )*) => {$(
        /// The TOML mirror of one table of word lists.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $Spec {
            $( pub $list: Option<Patterns>, )*
            $( pub $optional: Option<Patterns>, )*
            $( pub $setting: Option<$ty>, )*
            $( $(#[$odoc])* #[serde(default)] pub $extra: $ety, )*
        }

        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $Words {
            $( $(#[$ldoc])* pub $list: SetId, )*
            $( $(#[$qdoc])* pub $optional: Option<SetId>, )*
            $( $(#[$sdoc])* pub $setting: $ty, )*
        }

        impl $Words {
            /// A base profile's lists: each must be given.
            pub(super) fn base(spec: &$Spec, v: &mut impl Sets) -> Self {
                Self {
                    $( $list: v.required_set(
                        spec.$list.as_ref(),
                        concat!($table, ".", stringify!($list)),
                    ), )*
                    $( $optional: spec.$optional.as_ref().map(|p| v.set(p)), )*
                    $( $setting: spec.$setting.clone().unwrap_or($default), )*
                }
            }

            /// The lists and settings an extending profile gives replace its
            /// parent's.
            pub(super) fn extend(&mut self, spec: &$Spec, v: &mut impl Sets) {
                $( if let Some(list) = &spec.$list {
                    self.$list = v.set(list);
                } )*
                $( if let Some(list) = &spec.$optional {
                    self.$optional = Some(v.set(list));
                } )*
                $( if let Some(value) = &spec.$setting {
                    self.$setting = value.clone();
                } )*
            }
        }
    )*};
}

word_tables! {
    /// What tells a contract's kind, length and value.
    ["scope"] ScopeSpec => Scope {
        lists { services, works, goods, contract_period, options, value }
        optional_lists {
            /// Words right before a value word that make it the base of
            /// another amount, not the contract's value: "procent av",
            /// "motsvarande".
            value_base,
            /// Words right before an amount that make it a limit, not the
            /// contract's value: "understiger", "dock högst".
            value_limit,
            /// Words that, among the few right before a word for a kind of
            /// contract, say the contract is not of that kind: "omfattar inte
            /// heller tjänster", "does not cover any works".
            negation,
        }
        settings {
            /// Whether the thresholds of duration and value apply.
            apply_thresholds: bool = false,
        }
        spec_only {
            /// CPV divisions (the first two digits) by kind of contract.
            cpv: Option<CpvSpec>,
        }
    }

    /// The clause's headings, what makes a sanction general, and the words
    /// that tie a sanction to the clause's topic.
    ["clause"] ClauseSpec => ClauseWords {
        lists {
            headings,
            /// Wording of a sanction for any material breach of the whole contract.
            general,
            topic,
        }
        optional_lists {
            /// Words by which a sentence names the part of the document it
            /// stands in: "villkoren i detta avsnitt", "this section".
            self_reference,
            /// Words by which a sanction table's row or a list item names
            /// the breach it is for: "Brott mot § 9", "Breach of clause 12".
            breach,
        }
        settings {}
        spec_only {}
    }

    /// The words of agreement registers, and the register row's own
    /// requirement with the term columns that break other requirements.
    ["register"] RegisterSpec => RegisterWords {
        lists {
            services,
            works,
            goods,
            /// "Ramavtal": says nothing of goods or services by itself.
            framework,
            /// A clause version marked as old or lapsed.
            old_version,
        }
        optional_lists {}
        settings {}
        spec_only {
            /// The id and name a register row's own findings carry.
            id: Option<Spanned<String>>,
            name: Option<Spanned<String>>,
            /// Term column (its `[columns]` key) → the requirement a
            /// shortfall in it breaks.
            terms: std::collections::BTreeMap<String, Spanned<String>>,
        }
    }

    /// Binding, soft and permissive modality, the parties, vague times and
    /// the markers of an open list.
    ["language"] LanguageSpec => Language {
        lists { binding, soft, permissive, supplier, other_party, vague_time, example_markers }
        optional_lists {
            /// Words a sentence opens with when it goes on with the one
            /// before: "Redovisningen ska lämnas inom tio dagar."
            continuation,
            /// Nouns by which a sentence anywhere in it refers back to what
            /// the sentence before asked for: "Beställaren har rätt att ta
            /// del av dokumentationen."
            back_reference,
        }
        settings {}
        spec_only {}
    }
}
