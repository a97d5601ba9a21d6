//! Organizations: one entity per body, with its legal form, kind, country, seat,
//! aliases and every mention.
//!
//! 1. Candidates: runs of name characters that carry a legal form (株式会社アカネ,
//!    アカネ株式会社, (株)アカネ), end in an institutional head (横浜国立大学), are a
//!    municipality (IPADIC 地域 + 市/県…), are a dictionary 組織 word, or are named so
//!    by their context: a description in parentheses (「BIOCOM(米国…の団体)」), a country
//!    marker (「(米)」), a type noun before 「…」, a party to an agreement (「Aと業務提携」),
//!    an item of a list of partners, or a Latin name ending in Institute, Health….
//! 2. Parentheses after a candidate: aliases (「(以下「LINK-J」)」「(UCSD)」), renames
//!    (「(現、…)」), the seat (「(本社:…)」), the country.
//! 3. Entities: candidates grouped by name (never across legal forms); short forms,
//!    country-less forms and later mentions of aliases resolve to them; 当社, 本学,
//!    同財団 resolve to the organization they stand for.

mod candidates;
#[cfg(test)]
mod corpus;
mod resolve;
pub(crate) mod rules;

use crate::model::Extraction;
use crate::pipeline::{Doc, Found};

pub(crate) fn extract(doc: &Doc<'_>, found: &mut Found, out: &mut Extraction) {
    let cands = candidates::find(doc);
    resolve::build(doc, cands, found, out);
}
