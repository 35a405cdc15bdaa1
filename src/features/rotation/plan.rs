//! A rotation plan for many keys: a dry run per key (create new / free a slot first / skipped
//! with why), then the new keys created with progress and a result per key, every new secret
//! shown once with one CSV before anything else, and each key on in its own wizard.

use std::collections::HashMap;
use std::rc::Rc;

use futures::StreamExt;
use futures::stream;
use keyturn_core::access_key::AccessKey;
use keyturn_core::error::Error;
use keyturn_core::ids::{AccessKeyId, UserId};
use keyturn_core::inventory::UserRef;
use keyturn_core::inventory::export::credentials_csv;
use keyturn_core::rotation::{
    BookAction, Mode, NewKey, Pending, PlanAction, PlanInput, PlanItem, RotationRecord,
    RotationView, Step, is_unclear, plan_rotations,
};
use keyturn_core::types::credential::CreatedCredential;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::wizard::RotationError;
use super::{RotationHandle, use_rotation, use_rotation_view};
use crate::context::use_text;
use crate::i18n::RotationText;
use crate::ui::{CREDENTIALS_FILE, Progress, save_text_file};

/// Users whose keys are read at the same time while planning.
const PLAN_CONCURRENCY: usize = 4;

/// What the plan page knows.
#[derive(Clone, PartialEq)]
enum PlanState {
    /// Reading the keys and their users.
    Loading,
    /// Reading failed.
    Failed(Error),
    /// The dry run, with each user's keys.
    Ready(Rc<Vec<PlanItem>>, Rc<HashMap<UserId, Vec<AccessKey>>>),
}

/// One planned key's outcome.
#[derive(Clone, PartialEq)]
enum Outcome {
    Creating,
    Created(CreatedCredential),
    Failed(Error),
    /// The create went unanswered and a key appeared without its secret: the key's own wizard
    /// offers to delete it (retrying here would be refused: never a second key).
    Orphan(AccessKeyId),
}

/// Props of [`PlanView`].
#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    /// The keys to plan for.
    pub keys: Vec<AccessKeyId>,
}

/// `data-testid="rotation-plan"`: the dry run (`tr[data-ak][data-plan=create|free_slot|skip]`),
/// "Create N new keys", progress and per-key results
/// (`data-result=creating|created|failed|orphan`), "Retry failed", then the secrets once with
/// "Download CSV" and "I have saved the secret access keys". A failed read offers "Try again".
#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let tr = use_text();
    let handle = use_rotation();
    let (_, set_view) = use_rotation_view();
    let state = use_state(|| PlanState::Loading);
    let outcomes = use_reducer(Outcomes::default);
    let saved = use_state(|| false);
    // Bumped by "Try again": the keys are read anew.
    let reads = use_state(|| 0_u32);
    {
        let (handle, state, keys) = (handle.clone(), state.clone(), props.keys.clone());
        use_effect_with((props.keys.clone(), *reads), move |_| {
            state.set(PlanState::Loading);
            if let Some(handle) = handle {
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match read_plan(&handle, keys).await {
                        Ok((items, keys)) => PlanState::Ready(Rc::new(items), Rc::new(keys)),
                        Err(error) => PlanState::Failed(error),
                    });
                });
            }
        });
    }
    let Some(rotation) = handle else {
        return Html::default();
    };
    let (items, user_keys) = match &*state {
        PlanState::Loading => {
            return html! { <p role="status">{ tr.t(RotationText::Planning.into()) }</p> };
        }
        PlanState::Failed(error) => {
            let again = {
                let reads = reads.clone();
                Callback::from(move |_: MouseEvent| reads.set(*reads + 1))
            };
            return html! {
                <div class="rotation-plan" data-testid="rotation-plan">
                    <RotationError context={RotationText::PlanFailed} error={error.clone()} />
                    <button type="button" onclick={again}>{ tr.t(RotationText::TryAgain.into()) }</button>
                </div>
            };
        }
        PlanState::Ready(items, keys) => (items.clone(), keys.clone()),
    };
    let to_create: Vec<PlanItem> = items
        .iter()
        .filter(|item| item.action == PlanAction::Create)
        .cloned()
        .collect();
    let started = !outcomes.0.is_empty();
    let run = |only_failed: bool| {
        let (rotation, outcomes, user_keys) =
            (rotation.clone(), outcomes.clone(), user_keys.clone());
        let items: Rc<Vec<PlanItem>> = items.clone();
        Callback::from(move |_: MouseEvent| {
            let selected: Vec<PlanItem> = items
                .iter()
                .filter(|item| match item.action {
                    PlanAction::Create => {
                        !only_failed
                            || matches!(outcomes.0.get(&item.access), Some(Outcome::Failed(_)))
                    }
                    PlanAction::FreeSlotFirst { .. } => !only_failed,
                    PlanAction::Skip(_) => false,
                })
                .cloned()
                .collect();
            execute(&rotation, selected, &user_keys, &outcomes);
        })
    };
    let done = outcomes
        .0
        .values()
        .filter(|outcome| !matches!(outcome, Outcome::Creating))
        .count();
    let failed = outcomes
        .0
        .values()
        .filter(|outcome| matches!(outcome, Outcome::Failed(_)))
        .count();
    let created: Vec<&CreatedCredential> = to_create
        .iter()
        .filter_map(|item| match outcomes.0.get(&item.access) {
            Some(Outcome::Created(created)) => Some(created),
            _ => None,
        })
        .collect();
    let finished = started && done == outcomes.0.len();
    let rows = items.iter().map(|item| {
        let (slug, what) = match &item.action {
            PlanAction::Create => ("create", RotationText::PlanCreate),
            PlanAction::FreeSlotFirst { other } => {
                ("free_slot", RotationText::PlanFreeSlot(other.to_string()))
            }
            PlanAction::Skip(why) => ("skip", RotationText::PlanSkip(why.clone())),
        };
        let result = match outcomes.0.get(&item.access) {
            None => html! {},
            Some(Outcome::Creating) => html! { tr.t(RotationText::Creating.into()) },
            Some(Outcome::Created(created)) => html! { tr.t(RotationText::CreatedKey(created.access.clone()).into()) },
            Some(Outcome::Failed(error)) => html! { <RotationError context={RotationText::CreateFailed} error={error.clone()} /> },
            Some(Outcome::Orphan(orphan)) => html! { tr.t(RotationText::PlanOrphan(orphan.to_string()).into()) },
        };
        let result_slug = match outcomes.0.get(&item.access) {
            None => "",
            Some(Outcome::Creating) => "creating",
            Some(Outcome::Created(_)) => "created",
            Some(Outcome::Failed(_)) => "failed",
            Some(Outcome::Orphan(_)) => "orphan",
        };
        html! {
            <tr key={item.access.to_string()} data-ak={item.access.to_string()} data-plan={slug}
                data-result={result_slug}>
                <td>{ item.user_name.clone() }</td>
                <td><code>{ item.access.to_string() }</code></td>
                <td>{ tr.t(what.into()) }</td>
                <td>{ result }</td>
            </tr>
        }
    });
    let secrets_csv = credentials_csv(created.iter().map(|created| {
        let user = items
            .iter()
            .find(|item| item.user_id.as_str() == created.user_id)
            .map_or("", |item| item.user_name.as_str());
        (user, created.access.as_str(), created.secret.as_str())
    }));
    let download = Callback::from(move |_: MouseEvent| {
        // A refused download leaves the secrets on screen.
        let _ = save_text_file(CREDENTIALS_FILE, "text/csv;charset=utf-8", &secrets_csv);
    });
    let on_saved = {
        let saved = saved.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            saved.set(input.checked());
        })
    };
    let confirm_saved = {
        let (rotation, set_view) = (rotation.clone(), set_view.clone());
        let created_for: Vec<AccessKeyId> = to_create
            .iter()
            .filter(|item| matches!(outcomes.0.get(&item.access), Some(Outcome::Created(_))))
            .map(|item| item.access.clone())
            .collect();
        let saved = *saved;
        Callback::from(move |_: MouseEvent| {
            if saved {
                for old in &created_for {
                    rotation.commit(old, vec![Step::SecretSaved]);
                }
                set_view.emit(RotationView::List);
            }
        })
    };
    let planned = to_create.len();
    html! {
        <div class="rotation-plan" data-testid="rotation-plan">
            <h2>{ tr.t(RotationText::PlanTitle(items.len()).into()) }</h2>
            <table class="key-table" aria-label={tr.t(RotationText::PlanTitle(items.len()).into())}>
                <thead><tr>
                    <th scope="col">{ tr.t(RotationText::User.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::OldKey.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::PlanWhat.into()) }</th>
                    <th scope="col">{ tr.t(RotationText::PlanResult.into()) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if !started {
                <button type="button" class="button-primary" onclick={run(false)} disabled={planned == 0}>
                    { tr.t(RotationText::PlanExecute(planned).into()) }
                </button>
            } else {
                <Progress done_of={Some((done, outcomes.0.len()))} label={tr.t(RotationText::PlanProgressLabel.into())}
                    words={tr.t(RotationText::PlanProgress { done, total: outcomes.0.len(), failed }.into())} />
                if finished && failed > 0 {
                    <button type="button" onclick={run(true)}>{ tr.t(RotationText::RetryFailed(failed).into()) }</button>
                }
            }
            if finished && created.is_empty() {
                <button type="button" onclick={set_view.reform(|_: MouseEvent| RotationView::List)}>
                    { tr.t(RotationText::BackToList.into()) }
                </button>
            }
            if finished && !created.is_empty() {
                <div class="new-secret" data-testid="plan-secrets">
                    <p class="notice notice-warning"><strong>{ tr.t(RotationText::PlanSecretsWarning.into()) }</strong></p>
                    <table class="key-table" aria-label={tr.t(RotationText::PlanSecretsLabel.into())}>
                        <tbody>
                            { for created.iter().map(|created| html! {
                                <tr data-new-ak={created.access.clone()}>
                                    <td><code>{ created.access.clone() }</code></td>
                                    <td><code data-testid="plan-secret">{ created.secret.clone() }</code></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <div class="form-actions">
                        <button type="button" onclick={download}>{ tr.t(RotationText::DownloadCsv.into()) }</button>
                    </div>
                    <div class="field field-check">
                        <input type="checkbox" id="plan-secrets-saved" checked={*saved} onchange={on_saved} />
                        <label for="plan-secrets-saved">{ tr.t(RotationText::PlanSecretsSaved.into()) }</label>
                    </div>
                    <button type="button" class="button-primary" disabled={!*saved} onclick={confirm_saved}>
                        { tr.t(RotationText::PlanContinue.into()) }
                    </button>
                </div>
            }
        </div>
    }
}

/// Each planned key's outcome, by AK.
#[derive(Clone, Default, PartialEq)]
struct Outcomes(HashMap<AccessKeyId, Outcome>);

impl Reducible for Outcomes {
    type Action = (AccessKeyId, Outcome);

    fn reduce(self: Rc<Self>, (access, outcome): Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.insert(access, outcome);
        Rc::new(next)
    }
}

/// Reads each key's owner and every owner's keys, then plans.
async fn read_plan(
    handle: &RotationHandle,
    keys: Vec<AccessKeyId>,
) -> Result<(Vec<PlanItem>, HashMap<UserId, Vec<AccessKey>>), Error> {
    let iam = &handle.iam;
    let mut owners: Vec<(AccessKeyId, UserId)> = Vec::new();
    for access in keys {
        let key = iam.show_key(&access).await?;
        owners.push((access, key.user_id));
    }
    let mut users: Vec<UserId> = owners.iter().map(|(_, user)| user.clone()).collect();
    users.sort();
    users.dedup();
    let read: Vec<Result<(UserRef, Vec<AccessKey>), Error>> = stream::iter(users)
        .map(|user_id| async move {
            let user = iam.show_user(&user_id).await?;
            let keys = iam.keys_with_last_use(Some(&user_id)).await?;
            Ok((
                UserRef {
                    id: user_id,
                    name: user.name,
                    enabled: user.enabled,
                },
                keys,
            ))
        })
        .buffer_unordered(PLAN_CONCURRENCY)
        .collect()
        .await;
    let read = read.into_iter().collect::<Result<Vec<_>, _>>()?;
    let by_user: HashMap<UserId, (UserRef, Vec<AccessKey>)> = read
        .into_iter()
        .map(|(user, keys)| (user.id.clone(), (user, keys)))
        .collect();
    let book = handle.store.book().clone();
    let inputs = owners.iter().filter_map(|(access, user_id)| {
        let (user, keys) = by_user.get(user_id)?;
        Some(PlanInput { access, user, keys })
    });
    let items = plan_rotations(inputs, &book);
    let keys = by_user
        .into_iter()
        .map(|(id, (_, keys))| (id, keys))
        .collect();
    Ok((items, keys))
}

/// Starts a rotation for each item; creates the new key of each `Create` item, one at a time
/// (each saved as pending first, an unclear answer reconciled in its own wizard).
fn execute(
    rotation: &RotationHandle,
    items: Vec<PlanItem>,
    user_keys: &Rc<HashMap<UserId, Vec<AccessKey>>>,
    outcomes: &UseReducerHandle<Outcomes>,
) {
    let (rotation, user_keys, outcomes) = (rotation.clone(), user_keys.clone(), outcomes.clone());
    wasm_bindgen_futures::spawn_local(async move {
        for item in items {
            let old = item.access.clone();
            if rotation.record(&old).is_none() {
                let record = RotationRecord::new(
                    item.user_id.clone(),
                    item.user_name.clone(),
                    old.clone(),
                    Mode::Safe,
                    rotation.now(),
                );
                rotation.store.commit(BookAction::Start(record));
            }
            if item.action != PlanAction::Create {
                continue;
            }
            rotation.commit(&old, vec![Step::PreflightPassed]);
            // A create sent before (an earlier run, another tab) is accounted for first: what it
            // did decides whether this one may be sent at all.
            if rotation
                .record(&old)
                .is_some_and(|record| record.pending.is_some())
            {
                rotation.synced(old.clone()).await;
            }
            if let Some(orphan) = rotation.record(&old).and_then(|record| record.orphan) {
                outcomes.dispatch((old, Outcome::Orphan(orphan)));
                continue;
            }
            let keys_before = user_keys
                .get(&item.user_id)
                .map(|keys| keys.iter().map(|key| key.access.clone()).collect())
                .unwrap_or_default();
            if !rotation.commit(&old, vec![Step::Sent(Pending::Create { keys_before })]) {
                continue;
            }
            outcomes.dispatch((old.clone(), Outcome::Creating));
            let answer = rotation
                .iam
                .clone()
                .detached()
                .create_key(&item.user_id, "")
                .await;
            let checked = answer.and_then(|created| {
                let key = AccessKey::try_from(&created).map_err(Error::from)?;
                Ok((key, created))
            });
            match checked {
                Ok((key, created)) => {
                    rotation.commit(
                        &old,
                        vec![Step::Created {
                            key: NewKey {
                                access: key.access,
                                created: key.created,
                            },
                            request_id: None,
                        }],
                    );
                    outcomes.dispatch((old, Outcome::Created(created)));
                }
                Err(error) => {
                    if is_unclear(&error) {
                        rotation.synced(old.clone()).await;
                        if let Some(orphan) = rotation.record(&old).and_then(|record| record.orphan)
                        {
                            outcomes.dispatch((old, Outcome::Orphan(orphan)));
                            continue;
                        }
                    } else {
                        rotation.commit(
                            &old,
                            vec![Step::Refused {
                                error: error.to_string(),
                            }],
                        );
                    }
                    outcomes.dispatch((old, Outcome::Failed(error)));
                }
            }
        }
    });
}
