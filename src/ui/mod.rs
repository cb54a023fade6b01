//! What is drawn: the two screens (a table with its editor, `table_screen.rs`; the charts,
//! `charts/`), the menus, status bar, dialogs, forms and widgets. They draw the state they are
//! given and leave what the user asked for in queues (`screen::ScreenContext`): `Edit`s, which go
//! through [`crate::edit`], and `Command`s (`command.rs`), which the app runs. They never
//! change the dataset themselves, and know nothing of the app.

pub mod article_dialog;
pub mod charts;
pub mod command;
pub mod dialogs;
pub mod encryption_dialog;
pub mod errors;
pub mod filters;
pub mod fonts;
pub mod forms;
pub mod icon;
pub mod import_dialog;
pub mod menu_bar;
pub mod merge_dialog;
pub mod nav;
pub mod picture;
pub mod report_dialog;
pub mod screen;
pub mod share_dialog;
pub mod status_bar;
pub mod table;
pub mod table_screen;
pub mod widgets;
