//! A browser without JavaScript, as far as tests need one: it keeps cookies, posts forms
//! from our own pages and reads redirects. `call` posts like the JavaScript client does.

use super::{Answer, TestApp, encode};
use axum::body::Body;
use http::Request;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub cookies: BTreeMap<String, String>,
    pub ip: IpAddr,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self::from_ip(app, [127, 0, 0, 1])
    }

    pub fn from_ip(app: &'a TestApp, ip: [u8; 4]) -> Self {
        Browser {
            app,
            cookies: BTreeMap::new(),
            ip: IpAddr::from(ip),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn send(&mut self, builder: http::request::Builder, body: impl Into<Body>) -> Answer {
        let mut builder = builder.header("user-agent", "Testbrowser/1.0");
        if !self.cookies.is_empty() {
            builder = builder.header("cookie", self.cookie_header());
        }
        let mut request = builder.body(body.into()).expect("request");
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(SocketAddr::new(self.ip, 40000)));
        let answer = self.app.send(request).await;
        for value in answer.headers.get_all("set-cookie") {
            let value = value.to_str().unwrap_or_default();
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((name, content)) = pair.split_once('=') {
                if value.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), content.to_owned());
                }
            }
        }
        answer
    }

    /// A page view.
    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(
            Request::get(path).header("accept", "text/html"),
            String::new(),
        )
        .await
    }

    /// A GET as the JavaScript client sends it to a server function (wants JSON).
    pub async fn fetch(&mut self, path: &str) -> Answer {
        self.send(
            Request::get(path).header("accept", "application/json"),
            String::new(),
        )
        .await
    }

    /// A form posted from one of our pages without JavaScript.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        self.post_as(path, fields, "text/html").await
    }

    /// The same post as the JavaScript client sends it (wants data, not a redirect).
    pub async fn call(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        self.post_as(path, fields, "application/json").await
    }

    async fn post_as(&mut self, path: &str, fields: &[(&str, &str)], accept: &str) -> Answer {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.send(
            Request::post(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .header("accept", accept),
            body,
        )
        .await
    }

    /// A form with files, as a browser sends it (`multipart/form-data`): text fields, then
    /// `(name, file name, content)` for each file.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Answer {
        self.multipart_as(path, fields, files, "text/html").await
    }

    /// The same as the JavaScript client sends it (wants data, not a redirect).
    pub async fn call_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Answer {
        self.multipart_as(path, fields, files, "application/json")
            .await
    }

    async fn multipart_as(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
        accept: &str,
    ) -> Answer {
        let boundary = "----portal-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, file_name, content) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.send(
            Request::post(path)
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header("sec-fetch-site", "same-origin")
                .header("accept", accept),
            body,
        )
        .await
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.contains_key(name)
    }
}
