//! When a run happens: `SOURCE_DATE_EPOCH` when it is set, so outputs can be
//! made again byte for byte (`contracts.md`), else the system clock.

use crate::sheet::cell::Date;

/// Seconds since 1970-01-01 UTC for this run.
#[must_use]
pub fn epoch_seconds() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        })
}

/// This run's time as `xsd:dateTime`, as Word stamps a comment.
#[must_use]
pub fn xsd_date_time() -> String {
    xsd(epoch_seconds())
}

fn xsd(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        Date::from_days(days),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::{xsd, Date};

    #[test]
    fn civil_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_428).to_string(), "2025-12-06");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn xsd_times() {
        assert_eq!(xsd(0), "1970-01-01T00:00:00Z");
        assert_eq!(xsd(1_765_000_000), "2025-12-06T05:46:40Z");
    }
}
