// Package period holds the calendar types every other package shares: an
// Interval (a day, a month, a quarter or a year), the report Period (a
// quarter), and the Clock that every date in a briefing comes from.
package period
