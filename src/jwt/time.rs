//! NumericDate arithmetic (RFC 7519 §2): calendar dates and "in 42 s" / "3 days ago" phrases,
//! computed without a clock: the caller passes `now`.

/// Seconds since the Unix epoch, as JWTs count time.
pub type Seconds = i64;

/// The civil date of a day count since 1970-01-01 (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Eras of 400 years repeat exactly; shifting the year to start in March puts the leap day last.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Dates this far from the epoch (about ±292 billion years) are not printed as calendar dates.
const PRINTABLE: Seconds = 1 << 53;

/// `2018-01-18 01:30:22` for a time shifted by `offset_minutes` east of UTC.
pub fn format_date(at: Seconds, offset_minutes: i32) -> Option<String> {
    if !(-PRINTABLE..=PRINTABLE).contains(&at) {
        return None;
    }
    let local = at + i64::from(offset_minutes) * 60;
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    Some(format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ))
}

/// `UTC+01:00`, `UTC−05:30`, or `UTC` for a zero offset.
pub fn format_offset(offset_minutes: i32) -> String {
    if offset_minutes == 0 {
        return "UTC".into();
    }
    let sign = if offset_minutes > 0 { '+' } else { '-' };
    let abs = offset_minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// A duration in the largest unit that keeps it readable: `42 s`, `5 min`, `3 h`, `3 days`.
pub fn format_duration(seconds: u64) -> String {
    const MIN: u64 = 60;
    const HOUR: u64 = 60 * MIN;
    const DAY: u64 = 24 * HOUR;
    const YEAR: u64 = 365 * DAY;
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match seconds {
        s if s < MIN => format!("{s} s"),
        s if s < HOUR => format!("{} min", s / MIN),
        s if s < DAY => format!("{} h", s / HOUR),
        s if s < 2 * YEAR => plural(s / DAY, "day"),
        s => plural(s / YEAR, "year"),
    }
}

/// `in 42 s`, `3 days ago` or `now`, from `now` to `at`.
pub fn relative(at: Seconds, now: Seconds) -> String {
    let diff = at.saturating_sub(now);
    match diff {
        0 => "now".into(),
        d if d > 0 => format!("in {}", format_duration(d.unsigned_abs())),
        d => format!("{} ago", format_duration(d.unsigned_abs())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(format_date(0, 0).unwrap(), "1970-01-01 00:00:00");
        assert_eq!(
            format_date(1_516_239_022, 0).unwrap(),
            "2018-01-18 01:30:22"
        );
        assert_eq!(
            format_date(1_516_239_022, 60).unwrap(),
            "2018-01-18 02:30:22"
        );
        assert_eq!(
            format_date(1_516_239_022, -120).unwrap(),
            "2018-01-17 23:30:22"
        );
        assert_eq!(format_date(951_782_400, 0).unwrap(), "2000-02-29 00:00:00");
        assert_eq!(format_date(-1, 0).unwrap(), "1969-12-31 23:59:59");
        assert_eq!(
            format_date(253_402_300_799, 0).unwrap(),
            "9999-12-31 23:59:59"
        );
        assert_eq!(format_date(i64::MAX, 0), None);
        assert_eq!(format_date(i64::MIN, 0), None);
    }

    #[test]
    fn formats_offsets() {
        assert_eq!(format_offset(0), "UTC");
        assert_eq!(format_offset(60), "UTC+01:00");
        assert_eq!(format_offset(-330), "UTC-05:30");
    }

    #[test]
    fn relative_phrases() {
        assert_eq!(relative(1042, 1000), "in 42 s");
        assert_eq!(relative(1000, 1000), "now");
        assert_eq!(relative(1000, 1000 + 3 * 86_400), "3 days ago");
        assert_eq!(relative(1000, 1180), "3 min ago");
        assert_eq!(relative(1000 + 7200, 1000), "in 2 h");
        assert_eq!(relative(0, 86_400), "1 day ago");
        assert_eq!(relative(0, 5 * 365 * 86_400), "5 years ago");
        assert_eq!(
            relative(i64::MAX, i64::MIN),
            format!("in {}", format_duration(i64::MAX as u64))
        );
    }
}
