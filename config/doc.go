// Package config loads a briefing's config file (YAML, JSON or TOML) through
// viper, with environment and --set overlays, into a plain typed Config, and
// validates it into a list of Problems that name file, line and key path.
//
// Only this package and cmd import viper. Positions come from a second,
// position-keeping decode of the YAML with yaml.v3, since viper has none.
package config
