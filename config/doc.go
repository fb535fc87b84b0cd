// Package config loads a briefing's config file (YAML, JSON or TOML) through
// viper, with environment and --set overlays, into a plain typed Config, and
// validates it into a list of Problems that name file, line and key path.
//
// Only this package and cmd import viper. Positions come from a
// position-keeping parse of the YAML with go.yaml.in/yaml/v3, since viper has
// none; a YAML config's settings are decoded from that same tree, as
// viper's YAML reader (the same package) decodes the text, and merged into
// viper, so the text is parsed once. JSON and TOML are read by viper and
// parsed again for positions.
package config
