//! Records grouped (by period, by category) with what each adds to its groups, each group's
//! list kept in id order, the dataset's, so a group's figures add up as from scratch.

use std::sync::Arc;

use crate::model::Id;

/// A record and what it adds to each group it is in; shared by its groups.
#[derive(Debug)]
pub(crate) struct Member<P> {
    pub(crate) id: Id,
    pub(crate) part: P,
}

/// Puts the member into a group's list in id order (at the end when it comes last, as when a
/// whole dataset is gone through in order).
pub(crate) fn insert_in_order<P>(list: &mut Vec<Arc<Member<P>>>, member: Arc<Member<P>>) {
    let at = match list.last() {
        Some(before) if before.id >= member.id => list.partition_point(|m| m.id < member.id),
        _ => list.len(),
    };
    list.insert(at, member);
}

/// Takes the record out of a group's list.
pub(crate) fn remove_from<P>(list: &mut Vec<Arc<Member<P>>>, id: &Id) {
    if let Ok(at) = list.binary_search_by(|m| m.id.cmp(id)) {
        list.remove(at);
    }
}
