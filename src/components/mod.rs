//! One file per component: props in, callbacks out, no domain logic and no state but UI state
//! (and `shared_text`, the text prop they pass along).

pub mod alg_select;
pub mod claims_list;
pub mod claims_status;
pub mod claims_table;
pub mod claims_view_select;
pub mod copy_button;
pub mod decode_error;
pub mod encrypt_panel;
pub mod engine_status;
pub mod examples_menu;
pub mod findings_list;
pub mod json_panel;
pub mod key_export;
pub mod key_file;
pub mod key_panel;
pub mod keygen_view;
pub mod live_textarea;
pub mod painted_token;
pub mod passphrase_field;
pub mod plaintext_panel;
pub mod sd_panel;
pub mod select_value;
pub mod shared_text;
pub mod sign_panel;
pub mod term;
pub mod token_editor;
pub mod walkthrough_view;
