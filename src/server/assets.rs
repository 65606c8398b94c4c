//! The built static assets: their version (for the service worker's cache) and their
//! precompressed copies (served by `ServeDir` as-is, no compression per request).

use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Folders below the site root whose files the service worker keeps for offline use.
const CACHED_DIRS: [&str; 3] = ["pkg", "vendor", "icons"];
const COMPRESSIBLE: [&str; 7] = ["js", "wasm", "css", "svg", "json", "webmanifest", "txt"];

#[derive(Debug, Clone, Default)]
pub struct AssetManifest {
    /// Hash of every cached file's path and content.
    pub version: String,
    /// URL paths of the cached files, sorted.
    pub urls: Vec<String>,
}

impl AssetManifest {
    pub fn scan(site_root: &Path) -> AssetManifest {
        let mut files = Vec::new();
        for dir in CACHED_DIRS {
            collect(&site_root.join(dir), &mut files);
        }
        // Not the compressed copies (the same files) nor TypeScript declarations.
        files.retain(|p| {
            let name = p.to_string_lossy();
            !(name.ends_with(".br") || name.ends_with(".gz") || name.ends_with(".d.ts"))
        });
        files.sort();
        let mut hasher = Sha256::new();
        let mut urls = Vec::new();
        for file in &files {
            let Ok(relative) = file.strip_prefix(site_root) else {
                continue;
            };
            let url = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            hasher.update(url.as_bytes());
            if let Ok(bytes) = std::fs::read(file) {
                hasher.update(&bytes);
            }
            urls.push(url);
        }
        let version = hasher
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        AssetManifest { version, urls }
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Writes `.br` and `.gz` next to every compressible file below `site_root` whose copies
/// are missing or older. Returns how many files were compressed.
pub fn precompress(site_root: &Path) -> std::io::Result<usize> {
    let mut files = Vec::new();
    collect(site_root, &mut files);
    let mut done = 0;
    for file in files {
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let source = std::fs::read(&file)?;
        let modified = std::fs::metadata(&file)?.modified()?;
        let is_fresh = |copy: &Path| {
            std::fs::metadata(copy)
                .and_then(|m| m.modified())
                .is_ok_and(|m| m >= modified)
        };
        let br = append_ext(&file, "br");
        if !is_fresh(&br) {
            let mut out = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 24,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut source.as_slice(), &mut out, &params)?;
            std::fs::write(&br, out)?;
            done += 1;
        }
        let gz = append_ext(&file, "gz");
        if !is_fresh(&gz) {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(&source)?;
            std::fs::write(&gz, encoder.finish()?)?;
        }
    }
    Ok(done)
}

fn append_ext(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_changes_with_any_cached_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join("pkg/app.js"), "one").unwrap();
        let first = AssetManifest::scan(dir.path());
        assert_eq!(first.urls, vec!["/pkg/app.js"]);
        std::fs::write(dir.path().join("pkg/app.js"), "two").unwrap();
        let second = AssetManifest::scan(dir.path());
        assert_ne!(first.version, second.version);
    }

    #[test]
    fn precompressed_copies_decompress_to_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let text = "body { color: black; } ".repeat(200);
        std::fs::write(dir.path().join("main.css"), &text).unwrap();
        std::fs::write(dir.path().join("photo.png"), [0u8; 10]).unwrap();
        assert_eq!(precompress(dir.path()).unwrap(), 1);
        let br = std::fs::read(dir.path().join("main.css.br")).unwrap();
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut br.as_slice(), &mut plain).unwrap();
        assert_eq!(plain, text.as_bytes());
        assert!(!dir.path().join("photo.png.br").exists());
        // Nothing left to do the second time.
        assert_eq!(precompress(dir.path()).unwrap(), 0);
    }
}
