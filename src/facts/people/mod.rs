//! people: not written yet.

pub(crate) mod roles;

use crate::model::Extraction;
use crate::pipeline::{Doc, Found};

pub(crate) fn extract(_doc: &Doc<'_>, _found: &mut Found, _out: &mut Extraction) {}
