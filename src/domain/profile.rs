//! Stammdaten: what a citizen keeps in the account to prefill applications. Every field is
//! optional; what is given must be plausible.

use super::fields::{ErrorCode, FieldErrors, char_len};
use super::locale::Locale;
use serde::{Deserialize, Serialize};

/// Salutations offered (values stored; labels in the locale files).
pub const SALUTATIONS: [&str; 3] = ["frau", "herr", "keine"];

const TEXT_MAX: usize = 100;

/// The profile form as typed. Missing fields count as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub salutation: String,
    pub academic_title: String,
    pub given_names: String,
    pub family_name: String,
    pub birth_name: String,
    /// `YYYY-MM-DD`, as `<input type="date">` sends it.
    pub birth_date: String,
    pub birth_place: String,
    pub nationality: String,
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub city: String,
    /// The Gemeinde (official key) of the address; also "Mein Ort".
    pub gemeinde: String,
    pub country: String,
    pub phone: String,
    /// Preferred language: `de`, `en` or `fr`.
    pub language: String,
}

/// The fields in form order (the error summary follows it).
pub const FIELDS: [&str; 16] = [
    "salutation",
    "academic_title",
    "given_names",
    "family_name",
    "birth_name",
    "birth_date",
    "birth_place",
    "nationality",
    "street",
    "house_number",
    "postcode",
    "city",
    "gemeinde",
    "country",
    "phone",
    "language",
];

impl ProfileForm {
    /// The form from its controls' values, `get(field)` for each field.
    pub fn from_fn(get: impl Fn(&str) -> String) -> Self {
        ProfileForm {
            salutation: get("salutation"),
            academic_title: get("academic_title"),
            given_names: get("given_names"),
            family_name: get("family_name"),
            birth_name: get("birth_name"),
            birth_date: get("birth_date"),
            birth_place: get("birth_place"),
            nationality: get("nationality"),
            street: get("street"),
            house_number: get("house_number"),
            postcode: get("postcode"),
            city: get("city"),
            gemeinde: get("gemeinde"),
            country: get("country"),
            phone: get("phone"),
            language: get("language"),
        }
    }

    pub fn value(&self, field: &str) -> &str {
        match field {
            "salutation" => &self.salutation,
            "academic_title" => &self.academic_title,
            "given_names" => &self.given_names,
            "family_name" => &self.family_name,
            "birth_name" => &self.birth_name,
            "birth_date" => &self.birth_date,
            "birth_place" => &self.birth_place,
            "nationality" => &self.nationality,
            "street" => &self.street,
            "house_number" => &self.house_number,
            "postcode" => &self.postcode,
            "city" => &self.city,
            "gemeinde" => &self.gemeinde,
            "country" => &self.country,
            "phone" => &self.phone,
            "language" => &self.language,
            _ => "",
        }
    }

    /// Every refused field; `today` (`YYYY-MM-DD`) bounds the date of birth.
    pub fn check(&self, today: &str) -> FieldErrors<&'static str> {
        let mut errors = FieldErrors::new();
        for field in FIELDS {
            if char_len(self.value(field).trim()) > TEXT_MAX {
                errors.push(field, ErrorCode::TooLong);
            }
        }
        let salutation = self.salutation.trim();
        if !salutation.is_empty() && !SALUTATIONS.contains(&salutation) {
            errors.push("salutation", ErrorCode::InvalidChoice);
        }
        let birth = self.birth_date.trim();
        let birth_ok = is_date(birth) && birth < today && birth >= "1900-01-01";
        if !birth.is_empty() && !birth_ok {
            errors.push("birth_date", ErrorCode::InvalidDate);
        }
        let postcode = self.postcode.trim();
        let in_germany = matches!(
            self.country.trim().to_lowercase().as_str(),
            "" | "deutschland" | "germany" | "allemagne" | "de"
        );
        let postcode_ok = if in_germany {
            postcode.len() == 5 && postcode.bytes().all(|b| b.is_ascii_digit())
        } else {
            (3..=10).contains(&postcode.len())
                && postcode
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        };
        if !postcode.is_empty() && !postcode_ok {
            errors.push("postcode", ErrorCode::InvalidPostcode);
        }
        let gemeinde = self.gemeinde.trim();
        let gemeinde_ok = gemeinde.len() == 8 && gemeinde.bytes().all(|b| b.is_ascii_digit());
        if !gemeinde.is_empty() && !gemeinde_ok {
            errors.push("gemeinde", ErrorCode::InvalidChoice);
        }
        let phone = self.phone.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let phone_ok = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
            && (5..=20).contains(&digits)
            && !phone.chars().skip(1).any(|c| c == '+');
        if !phone.is_empty() && !phone_ok {
            errors.push("phone", ErrorCode::InvalidPhone);
        }
        let language = self.language.trim();
        if !language.is_empty() && Locale::from_tag(language).is_none() {
            errors.push("language", ErrorCode::InvalidChoice);
        }
        errors
    }
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-11-29";

    #[test]
    fn an_empty_profile_is_fine() {
        assert!(ProfileForm::default().check(TODAY).is_empty());
    }

    #[test]
    fn each_field_is_checked() {
        let form = ProfileForm {
            salutation: "majestät".into(),
            birth_date: "2026-02-30".into(),
            postcode: "6611".into(),
            gemeinde: "10041".into(),
            phone: "call me".into(),
            language: "es".into(),
            given_names: "x".repeat(101),
            ..ProfileForm::default()
        };
        let errors = form.check(TODAY);
        assert_eq!(errors.get("salutation"), Some(ErrorCode::InvalidChoice));
        assert_eq!(errors.get("birth_date"), Some(ErrorCode::InvalidDate));
        assert_eq!(errors.get("postcode"), Some(ErrorCode::InvalidPostcode));
        assert_eq!(errors.get("gemeinde"), Some(ErrorCode::InvalidChoice));
        assert_eq!(errors.get("phone"), Some(ErrorCode::InvalidPhone));
        assert_eq!(errors.get("language"), Some(ErrorCode::InvalidChoice));
        assert_eq!(errors.get("given_names"), Some(ErrorCode::TooLong));
    }

    #[test]
    fn plausible_values_pass() {
        let form = ProfileForm {
            salutation: "frau".into(),
            academic_title: "Dr.".into(),
            given_names: "Kim Marie".into(),
            family_name: "Muster".into(),
            birth_date: "1984-02-29".into(),
            postcode: "66111".into(),
            gemeinde: "10041100".into(),
            phone: "+49 681 501-00".into(),
            language: "fr".into(),
            ..ProfileForm::default()
        };
        assert!(form.check(TODAY).is_empty(), "{:?}", form.check(TODAY));
        let abroad = ProfileForm {
            country: "Frankreich".into(),
            postcode: "57200".into(),
            ..ProfileForm::default()
        };
        assert!(abroad.check(TODAY).is_empty());
    }

    #[test]
    fn birth_dates_lie_in_the_past() {
        for bad in [
            "2026-11-29",
            "2030-01-01",
            "1899-12-31",
            "29.02.1984",
            "1985-02-29",
        ] {
            let form = ProfileForm {
                birth_date: bad.into(),
                ..ProfileForm::default()
            };
            assert_eq!(
                form.check(TODAY).get("birth_date"),
                Some(ErrorCode::InvalidDate),
                "{bad}"
            );
        }
    }
}
