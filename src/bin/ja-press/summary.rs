//! `--format text`: a human-readable summary of one document's facts.

use std::fmt::Write;

use ja_press::Extraction;

/// The summary, ending with a blank line.
pub(crate) fn render(ex: &Extraction) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {}", ex.source.as_deref().unwrap_or("-"));
    let _ = writeln!(s, "title:        {}", ex.title.as_deref().unwrap_or("-"));
    let _ = writeln!(
        s,
        "publisher:    {}",
        ex.publisher.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        s,
        "release date: {}",
        ex.release_date.map_or("-".to_string(), |d| d.to_string())
    );

    section(
        &mut s,
        "organizations",
        ex.organizations.iter().map(|o| {
            let mut line = format!("{} [{}]", o.name, serde_plain(&o.kind));
            if !o.aliases.is_empty() {
                let _ = write!(line, " aka {}", o.aliases.join(", "));
            }
            if let Some(c) = &o.country {
                let _ = write!(line, " ({c})");
            }
            if let Some(h) = &o.headquarters {
                let _ = write!(line, " @ {h}");
            }
            line
        }),
    );
    section(
        &mut s,
        "people",
        ex.people.iter().map(|p| {
            let roles: Vec<String> = p
                .roles
                .iter()
                .map(|r| match &r.organization {
                    Some(o) => format!("{}, {o}", r.role),
                    None => r.role.clone(),
                })
                .collect();
            if roles.is_empty() {
                p.name.clone()
            } else {
                format!("{} — {}", p.name, roles.join("; "))
            }
        }),
    );
    section(
        &mut s,
        "dates",
        distinct(
            ex.dates
                .iter()
                .map(|d| format!("{} 「{}」", d.value, d.text)),
        ),
    );
    section(
        &mut s,
        "counts",
        distinct(
            ex.counts
                .iter()
                .map(|c| format!("{} {} 「{}」", c.value, c.unit, c.text)),
        ),
    );
    section(
        &mut s,
        "partnerships",
        ex.partnerships.iter().map(|p| {
            let date = p.date.map_or("-".to_string(), |d| d.to_string());
            let mut line = format!(
                "{date} {} — {} ({})",
                p.parties.join(" + "),
                p.agreement.as_deref().unwrap_or("-"),
                serde_plain(&p.source)
            );
            if let Some(n) = p.ordinal {
                let _ = write!(line, " (#{n})");
            }
            line
        }),
    );
    section(
        &mut s,
        "events",
        ex.events.iter().map(|e| {
            format!(
                "{} [{}] {}",
                e.date,
                e.category.as_deref().unwrap_or("-"),
                e.title
            )
        }),
    );
    s.push('\n');
    s
}

/// Items in first-seen order, each once, with how often it occurs: 「2016-05 「2016年5月」 ×3」.
fn distinct(items: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for item in items {
        match seen.iter_mut().find(|(s, _)| *s == item) {
            Some(entry) => entry.1 += 1,
            None => seen.push((item, 1)),
        }
    }
    seen.into_iter()
        .map(|(s, n)| if n > 1 { format!("{s} ×{n}") } else { s })
}

fn section(s: &mut String, name: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "{name} ({}):", items.len());
    for item in items {
        let _ = writeln!(s, "  {item}");
    }
}

fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
