//! Forms with files (`multipart/form-data`), shared by the application steps and the
//! Postfach: reading the parts within limits, and judging a file by its content.

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use crate::api::AppError;
    use crate::server::request;
    use std::collections::BTreeMap;

    /// A file that came with a form; `bytes` is `None` when it was larger than allowed.
    pub struct Upload {
        /// The form control's name.
        pub name: String,
        pub file_name: String,
        pub bytes: Option<bytes::Bytes>,
    }

    /// The text fields and files of a multipart form. A file over `max_file` bytes is read
    /// to its end but not kept; file inputs left empty are skipped. More than 500 fields
    /// or 20 files is refused.
    pub async fn read(
        data: leptos::server_fn::codec::MultipartData,
        max_file: usize,
    ) -> Result<(BTreeMap<String, String>, Vec<Upload>), AppError> {
        let mut multipart = data
            .into_inner()
            .ok_or_else(|| request::fail(AppError::BadRequest))?;
        let bad = |_| request::fail(AppError::BadRequest);
        let mut texts = BTreeMap::new();
        let mut uploads = Vec::new();
        while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            if let Some(file_name) = field.file_name().map(str::to_owned) {
                let mut bytes = bytes::BytesMut::new();
                let mut too_large = false;
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    if bytes.len() + chunk.len() > max_file {
                        too_large = true;
                        continue;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                // A file input left empty still sends an empty part.
                if file_name.is_empty() && bytes.is_empty() {
                    continue;
                }
                uploads.push(Upload {
                    name,
                    file_name,
                    bytes: (!too_large).then(|| bytes.freeze()),
                });
            } else {
                texts.insert(name, field.text().await.map_err(bad)?);
            }
            if texts.len() > 500 || uploads.len() > 20 {
                return Err(request::fail(AppError::PayloadTooLarge));
            }
        }
        Ok((texts, uploads))
    }

    /// The type of a file judged by its content: PDF, JPEG or PNG, nothing else.
    pub fn allowed_type(bytes: &[u8]) -> Option<&'static str> {
        match infer::get(bytes).map(|t| t.mime_type()) {
            Some(t @ ("application/pdf" | "image/jpeg" | "image/png")) => Some(t),
            _ => None,
        }
    }

    /// SHA-256 of the bytes, hex.
    pub fn sha256(bytes: &[u8]) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}
