//! Which client addresses may connect at all (`--allow-client`): for a proxy reachable beyond
//! loopback. A connection from anywhere else is closed before a byte is read. Behind a TLS
//! terminator every connection comes from the terminator's address.

use std::net::IpAddr;

use ipnet::IpNet;

/// Parses a client network: `10.0.0.0/8`, `2001:db8::/32`, or one address such as `192.0.2.7`.
pub fn parse_network(text: &str) -> Result<IpNet, String> {
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| {
            format!("expected an address or CIDR network such as 10.0.0.0/8, got {text:?}")
        })
}

/// The client networks allowed to connect; empty allows every client.
#[derive(Clone, Debug, Default)]
pub struct ClientAllowlist {
    networks: Vec<IpNet>,
}

impl ClientAllowlist {
    /// Allows `networks` only, or everyone when it is empty.
    pub fn new(networks: Vec<IpNet>) -> Self {
        ClientAllowlist { networks }
    }

    /// Whether `client` may connect (an IPv4 address mapped into IPv6 counts as IPv4).
    pub fn admits(&self, client: IpAddr) -> bool {
        let client = client.to_canonical();
        self.networks.is_empty() || self.networks.iter().any(|net| net.contains(&client))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn parses_networks_and_single_addresses() {
        assert_eq!(
            parse_network("10.0.0.0/8").unwrap().to_string(),
            "10.0.0.0/8"
        );
        assert_eq!(
            parse_network("192.0.2.7").unwrap().to_string(),
            "192.0.2.7/32"
        );
        assert_eq!(parse_network("::1").unwrap().to_string(), "::1/128");
        for text in ["", "10.0.0.0/33", "localhost", "10.0.0.0/8,"] {
            assert!(parse_network(text).is_err(), "{text}");
        }
    }

    #[test]
    fn admits_only_listed_networks_once_any_is_given() {
        assert!(ClientAllowlist::default().admits(ip("203.0.113.9")));
        let list = ClientAllowlist::new(vec![
            parse_network("10.0.0.0/8").unwrap(),
            parse_network("::1").unwrap(),
        ]);
        assert!(list.admits(ip("10.1.2.3")));
        assert!(list.admits(ip("::ffff:10.1.2.3")));
        assert!(list.admits(ip("::1")));
        assert!(!list.admits(ip("11.0.0.1")));
        assert!(!list.admits(ip("127.0.0.1")));
    }
}
