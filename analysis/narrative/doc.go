// Package narrative runs the briefing's Markdown texts as Go text/templates
// against the analysis results, so the prose carries this period's numbers.
// Templates can only read results: they have no function that reads files,
// runs programs or reaches the network.
package narrative
