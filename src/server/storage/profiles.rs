//! Stammdaten of accounts. Stored trimmed; empty fields are NULL.

use crate::domain::profile::ProfileForm;
use crate::server::clock::Timestamp;
use crate::server::db::Db;
use sqlx::Row;

/// The stored profile as the form shows it (without the language, which lives on the
/// account).
pub async fn get(db: &Db, account_id: i64) -> Result<ProfileForm, sqlx::Error> {
    let row = sqlx::query(
        "SELECT salutation, academic_title, given_names, family_name, birth_name, birth_date, \
         birth_place, nationality, street, house_number, postcode, city, gemeinde_ags, country, phone \
         FROM profiles WHERE account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(ProfileForm::default());
    };
    let text = |column: &str| -> Result<String, sqlx::Error> {
        Ok(row
            .try_get::<Option<String>, _>(column)?
            .unwrap_or_default())
    };
    Ok(ProfileForm {
        salutation: text("salutation")?,
        academic_title: text("academic_title")?,
        given_names: text("given_names")?,
        family_name: text("family_name")?,
        birth_name: text("birth_name")?,
        birth_date: text("birth_date")?,
        birth_place: text("birth_place")?,
        nationality: text("nationality")?,
        street: text("street")?,
        house_number: text("house_number")?,
        postcode: text("postcode")?,
        city: text("city")?,
        gemeinde: text("gemeinde_ags")?,
        country: text("country")?,
        phone: text("phone")?,
        language: String::new(),
    })
}

/// Stores the (checked) profile, replacing the previous one.
pub async fn save(
    db: &Db,
    account_id: i64,
    form: &ProfileForm,
    now: Timestamp,
) -> Result<(), sqlx::Error> {
    let value = |v: &str| {
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_owned())
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO profiles (account_id, salutation, academic_title, given_names, family_name, \
         birth_name, birth_date, birth_place, nationality, street, house_number, postcode, city, \
         gemeinde_ags, country, phone, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
         ON CONFLICT (account_id) DO UPDATE SET salutation = excluded.salutation, \
         academic_title = excluded.academic_title, given_names = excluded.given_names, \
         family_name = excluded.family_name, birth_name = excluded.birth_name, \
         birth_date = excluded.birth_date, birth_place = excluded.birth_place, \
         nationality = excluded.nationality, street = excluded.street, \
         house_number = excluded.house_number, postcode = excluded.postcode, city = excluded.city, \
         gemeinde_ags = excluded.gemeinde_ags, country = excluded.country, phone = excluded.phone, \
         updated_at = excluded.updated_at",
    )
    .bind(account_id)
    .bind(value(&form.salutation))
    .bind(value(&form.academic_title))
    .bind(value(&form.given_names))
    .bind(value(&form.family_name))
    .bind(value(&form.birth_name))
    .bind(value(&form.birth_date))
    .bind(value(&form.birth_place))
    .bind(value(&form.nationality))
    .bind(value(&form.street))
    .bind(value(&form.house_number))
    .bind(value(&form.postcode))
    .bind(value(&form.city))
    .bind(value(&form.gemeinde))
    .bind(value(&form.country))
    .bind(value(&form.phone))
    .bind(now.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
