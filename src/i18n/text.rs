//! Every user-visible message, as data.

use super::ConnectText;
use super::KeysText;
use super::{KmsText, RotationText};
use keyturn_core::settings::{ConfigError, FieldError, SettingsField};

/// One user-visible message; [`super::text`] renders it in a language.
///
/// Each language module matches on every variant, so a message without a translation does not
/// compile.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// Link that jumps over the header to the page content.
    SkipToContent,
    /// Accessible name of a table's page controls.
    Pages,
    /// Label of the rows-per-page choice.
    RowsPerPage,
    /// Button: the first page.
    FirstPage,
    /// Button: the page before.
    PreviousPage,
    /// Button: the page after.
    NextPage,
    /// Button: the last page.
    LastPage,
    /// Where the page is: rows `from` to `to` of `total`, page `page` of `pages`.
    PageStatus {
        /// First row shown, from 1 (0 when there is none).
        from: usize,
        /// Last row shown.
        to: usize,
        /// Rows in all.
        total: usize,
        /// Page shown, from 1.
        page: usize,
        /// Pages in all.
        pages: usize,
    },
    /// Accessible name of the main navigation.
    MainNavigation,
    /// Navigation entry and page title: sign-in.
    NavConnect,
    /// Navigation entry and page title: access keys.
    NavCredentials,
    /// Navigation entry and page title: access key rotation.
    NavRotation,
    /// Navigation entry and page title: KMS keys.
    NavKms,
    /// Navigation entry and page title: settings.
    NavSettings,
    /// Tag line under the product name.
    Tagline,
    /// Shown while config.json is being read.
    LoadingConfig,
    /// Connect page: what it will offer.
    ConnectPlaceholder,
    /// Title of the screen shown when the app stopped on an internal error.
    PanicTitle,
    /// What that screen advises.
    PanicBody,
    /// The screen's button that loads the page again.
    PanicReload,
    /// Summary of the screen's technical details.
    PanicDetails,
    /// Not-found page title.
    NotFoundTitle,
    /// Not-found page explanation.
    NotFoundBody,
    /// Link back to the start page.
    BackToStart,
    /// Title of the screen shown when config.json cannot be used.
    ConfigErrorTitle,
    /// What went wrong with config.json.
    Config(ConfigError),
    /// How to fix a config.json problem.
    ConfigErrorHelp,
    /// Banner over pages when config.json failed but this browser's saved settings stand in.
    ConfigFailedUsingStored,
    /// Link from the config error screen to the settings page.
    OpenSettings,
    /// Settings page: introduction.
    SettingsIntro,
    /// Settings page: warning that built-in defaults are in use because config.json failed.
    SettingsUsingBuiltInDefaults,
    /// Settings page: warning that stored settings were unusable and were ignored.
    SettingsStoredIgnored,
    /// Label of one settings field.
    FieldLabel(SettingsField),
    /// Help text of one settings field.
    FieldHint(SettingsField),
    /// Why a field's value is not accepted.
    Field(FieldError),
    /// Settings page: heading of the group of connection fields.
    SettingsConnectionGroup,
    /// Settings page: heading of the rotation policy group.
    SettingsPolicyGroup,
    /// Settings page: the endpoints the current settings resolve to.
    ResolvedEndpoints,
    /// Resolved endpoint line: IAM.
    ResolvedIam(String),
    /// Resolved endpoint line: KMS.
    ResolvedKms(String),
    /// Resolved endpoint line: the region has no KMS endpoint.
    ResolvedKmsNone,
    /// Button: save the settings.
    SaveSettings,
    /// Button: go back to the defaults of config.json.
    ResetToDefaults,
    /// Status after a successful save.
    SettingsSaved,
    /// Status after a reset.
    SettingsResetDone,
    /// Status when the form has invalid fields.
    SettingsNotSaved,
    /// Status when the browser refused to store the settings.
    StorageFailed(String),
    /// A message of the Connect page or the session indicator.
    Connect(ConnectText),
    /// A message of the access key page.
    Keys(KeysText),
    /// A message of the KMS page.
    Kms(KmsText),
    /// A message of the Rotation page.
    Rotation(RotationText),
}
