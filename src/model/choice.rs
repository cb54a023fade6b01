//! A macro for the closed lists of choices in the model (kinds, statuses, grades).

/// Defines a fieldless enum with `ALL` (every choice, in display order) and `name()` (its
/// English name, as written in CSV files).
///
/// ```ignore
/// choice_enum! {
///     /// What happened.
///     pub enum IncidentKind {
///         /// Sent back across the border.
///         #[default] ForcedRepatriation => "forced repatriation",
///         Detention => "detention",
///     }
/// }
/// ```
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident => $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every choice, in the order shown to users.
            pub const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            /// The English name, as written in CSV files.
            pub fn name(self) -> &'static str {
                match self {
                    $( Self::$variant => $label ),+
                }
            }

            /// The choice with this English name, if any.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|choice| choice.name() == name)
            }
        }

        impl $crate::model::Choice for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn english_name(self) -> &'static str {
                self.name()
            }

            fn message_id(self) -> &'static str {
                match self {
                    $( Self::$variant => concat!(stringify!($name), "-", stringify!($variant)) ),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

pub(crate) use choice_enum;

/// A closed list of choices whose names the interface shows in the user's language.
pub trait Choice: Copy + 'static {
    /// Every choice, in the order shown to users.
    fn all() -> &'static [Self];

    /// The id of the choice's name in the message catalogs (`IncidentStatus-Confirmed`).
    fn message_id(self) -> &'static str;

    /// The English name, as files and CSV write it.
    fn english_name(self) -> &'static str;
}
