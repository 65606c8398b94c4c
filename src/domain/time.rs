//! Dates and times as people in the Land read them: German civil time (CET/CEST, the EU
//! summer-time rule), formatted per language. Pure arithmetic, so it works in the browser
//! too and needs no time zone database.

use super::locale::Locale;

/// A civil date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
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

pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last Sunday of a month at 01:00 UTC, in Unix seconds.
fn last_sunday_1utc(year: i64, month: u32) -> i64 {
    let last_day = if month == 3 || month == 10 { 31 } else { 30 };
    let days = days_from_civil(year, month, last_day);
    // 1970-01-01 was a Thursday (weekday 4 with Sunday = 0).
    let weekday = (days + 4).rem_euclid(7);
    (days - weekday) * 86_400 + 3600
}

/// UTC seconds to German civil time.
pub fn german_time(unix_secs: i64) -> LocalTime {
    let (year, _, _) = civil_from_days(unix_secs.div_euclid(86_400));
    let summer = unix_secs >= last_sunday_1utc(year, 3) && unix_secs < last_sunday_1utc(year, 10);
    let local = unix_secs + if summer { 7200 } else { 3600 };
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    LocalTime {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        minute: ((secs % 3600) / 60) as u32,
    }
}

/// The moment a German civil day (days since 1970-01-01) begins, in Unix seconds: local
/// midnight, 23:00 or 22:00 UTC the day before in winter or summer.
pub fn start_of_german_day(days: i64) -> i64 {
    let winter = days * 86_400 - 3600;
    if german_time(winter).hour == 0 {
        winter
    } else {
        winter - 3600
    }
}

/// The German civil date of `unix_secs` as `YYYY-MM-DD` (as date inputs send it).
pub fn iso_date(unix_secs: i64) -> String {
    let t = german_time(unix_secs);
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

/// `2026-11-29` → `29.11.2026` (anything else unchanged).
pub fn german_date(value: &str) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => value.to_owned(),
    }
}

/// "29.11.2026, 09:23" (de), "29/11/2026 09:23" (fr), "29 Nov 2026, 09:23" (en).
pub fn format_date_time(unix_secs: i64, locale: Locale) -> String {
    let t = german_time(unix_secs);
    match locale {
        Locale::De => format!(
            "{:02}.{:02}.{}, {:02}:{:02}",
            t.day, t.month, t.year, t.hour, t.minute
        ),
        Locale::Fr => format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            t.day, t.month, t.year, t.hour, t.minute
        ),
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = MONTHS[(t.month as usize).clamp(1, 12) - 1];
            format!(
                "{} {month} {}, {:02}:{:02}",
                t.day, t.year, t.hour, t.minute
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winter_and_summer_time() {
        // 2026-11-29 08:23 UTC is 09:23 CET.
        let winter = german_time(1_795_940_580);
        assert_eq!((winter.year, winter.month, winter.day), (2026, 11, 29));
        assert_eq!((winter.hour, winter.minute), (9, 23));
        // 2026-07-01 12:00 UTC is 14:00 CEST.
        let summer = german_time(1_782_907_200);
        assert_eq!((summer.month, summer.day, summer.hour), (7, 1, 14));
        // The switch: 2026-03-29 00:59 UTC is 01:59 CET, 01:00 UTC is 03:00 CEST.
        assert_eq!(german_time(1_774_745_940).hour, 1);
        assert_eq!(german_time(1_774_746_000).hour, 3);
        // And back: 2026-10-25 00:59 UTC is 02:59 CEST, 01:00 UTC is 02:00 CET.
        assert_eq!(german_time(1_792_889_940).hour, 2);
        assert_eq!(german_time(1_792_890_000).hour, 2);
    }

    #[test]
    fn days_begin_at_german_midnight() {
        let winter = days_from_civil(2026, 11, 29);
        let start = start_of_german_day(winter);
        assert_eq!(iso_date(start), "2026-11-29");
        assert_eq!(iso_date(start - 1), "2026-11-28");
        assert_eq!(german_time(start).hour, 0);
        let summer = days_from_civil(2026, 7, 1);
        let start = start_of_german_day(summer);
        assert_eq!(
            (iso_date(start), german_time(start).hour),
            ("2026-07-01".into(), 0)
        );
        assert_eq!(iso_date(start - 1), "2026-06-30");
    }

    #[test]
    fn formats_follow_the_language() {
        assert_eq!(
            format_date_time(1_795_940_580, Locale::De),
            "29.11.2026, 09:23"
        );
        assert_eq!(
            format_date_time(1_795_940_580, Locale::Fr),
            "29/11/2026 09:23"
        );
        assert_eq!(
            format_date_time(1_795_940_580, Locale::En),
            "29 Nov 2026, 09:23"
        );
    }

    #[test]
    fn days_round_trip() {
        for days in [-1000, 0, 59, 60, 365, 10_957, 20_000, 60_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
