//! Where what is typed on the Connect page goes: the proxy in force and the services it
//! forwards to, and a warning when that proxy is not the site's own (config.json's).

use keyturn_core::endpoints;
use keyturn_core::settings::{ConfigStatus, same_proxy};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::context::{Route, use_settings, use_text};
use crate::i18n::{ConnectText, Text};

/// The note under the Connect page's introduction (`data-testid="connect-target"`), with the
/// warning `data-testid="connect-proxy-warning"` when the settings of this browser replaced
/// config.json's proxy.
#[component]
pub fn ConnectTarget() -> Html {
    let tr = use_text();
    let settings = use_settings();
    let effective = &settings.effective;
    let target = ConnectText::Target {
        proxy: effective.proxy_url.clone(),
        iam: endpoints::iam_endpoint(&effective.region, effective.iam_endpoint.as_deref()),
        kms: endpoints::kms_endpoint(&effective.region, effective.kms_endpoint.as_deref()),
    };
    let configured = &settings.defaults.proxy_url;
    let replaced =
        settings.config == ConfigStatus::Ready && !same_proxy(&effective.proxy_url, configured);
    html! {
        <div class="connect-target" data-testid="connect-target">
            <h2 class="connect-target-heading">{ tr.t(Text::Connect(ConnectText::TargetHeading)) }</h2>
            <p>{ tr.t(Text::Connect(target)) }</p>
            if replaced {
                <div class="notice notice-warning" role="note" data-testid="connect-proxy-warning">
                    <p>{ tr.t(Text::Connect(ConnectText::ProxyNotConfigured {
                        configured: configured.clone(),
                    })) }</p>
                    <p>
                        <Link<Route> to={Route::Settings}>
                            { tr.t(Text::Connect(ConnectText::ReviewSettings)) }
                        </Link<Route>>
                    </p>
                </div>
            }
        </div>
    }
}
