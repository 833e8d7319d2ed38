//! The views: the three pages the tabs switch between and the panels of the debugger's decoded
//! column. Each reads the state from the [`store::Store`] that `App` provides and sends its own
//! actions; the components in `crate::components` they render take props and give callbacks.

pub mod chain_panel;
pub mod debugger;
pub mod decoded;
pub mod detached_panel;
pub mod findings_panel;
pub mod header_panel;
pub mod keygen;
pub mod nav;
pub mod oidc_panel;
pub mod payload_panel;
pub mod signature_line;
pub mod store;
pub mod walkthrough;
