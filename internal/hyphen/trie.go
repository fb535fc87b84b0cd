package hyphen

// trie holds a language's patterns by their letters, byte by byte, in flat
// arrays: Liang's algorithm walks it from each position of a word and
// stops where no pattern goes on, instead of looking up every substring
// up to the longest pattern's length. Node 0 is the root, whose children
// are found by their byte. While the trie is built, a node's other
// children are a list of siblings; once built (compact), they sit side by
// side, their bytes in one run that a lookup scans.
type trie struct {
	first [256]int32 // the root's child for each byte, 0 for none
	// while building
	child []int32 // a node's first child, 0 for none
	next  []int32 // a node's next sibling, 0 for none
	label []byte  // the byte that leads to a node
	// once built: node n's children are kids[at[n]:at[n+1]], reached by
	// the bytes kidBytes[at[n]:at[n+1]]
	at       []int32
	kidBytes []byte
	kids     []int32
	// pattern is 1 + the index, in starts, of the pattern that ends at a
	// node, 0 for none; its values are values[starts[i]:starts[i+1]].
	pattern []int32
	starts  []int32
	values  []uint8
	count   int // patterns
}

// newTrie returns an empty trie with room for about nodes nodes and
// patterns patterns.
func newTrie(nodes, patterns int) *trie {
	nodes++ // the root
	return &trie{
		child:   make([]int32, 1, nodes),
		next:    make([]int32, 1, nodes),
		label:   make([]byte, 1, nodes),
		pattern: make([]int32, 1, nodes),
		starts:  make([]int32, 0, 2*patterns),
	}
}

// node returns the child of n (0: the root) by byte c, 0 for none, in a
// compact trie.
func (t *trie) node(n int32, c byte) int32 {
	if n == 0 {
		return t.first[c]
	}
	for k, end := t.at[n], t.at[n+1]; k < end; k++ {
		if t.kidBytes[k] == c {
			return t.kids[k]
		}
	}
	return 0
}

// compact lays each node's children side by side, once every pattern is
// in: a lookup then scans a few bytes in a row instead of following a
// list through the arrays.
func (t *trie) compact() {
	nodes := len(t.child)
	t.at = make([]int32, nodes+1)
	t.kidBytes = make([]byte, 0, nodes)
	t.kids = make([]int32, 0, nodes)
	for n := range nodes {
		t.at[n] = int32(len(t.kids))
		if n == 0 {
			continue // the root's children are in first
		}
		for k := t.child[n]; k != 0; k = t.next[k] {
			t.kidBytes = append(t.kidBytes, t.label[k])
			t.kids = append(t.kids, k)
		}
	}
	t.at[nodes] = int32(len(t.kids))
	t.child, t.next, t.label = nil, nil, nil
}

// find returns the child of n by byte c, 0 for none, while the trie is
// built.
func (t *trie) find(n int32, c byte) int32 {
	if n == 0 {
		return t.first[c]
	}
	for k := t.child[n]; k != 0; k = t.next[k] {
		if t.label[k] == c {
			return k
		}
	}
	return 0
}

// add puts the pattern of letters key, whose values are values[from:to]
// of the trie's, in the trie; a pattern written twice keeps the later.
func (t *trie) add(key []byte, from, to int) {
	n := int32(0)
	for _, c := range key {
		k := t.find(n, c)
		if k == 0 {
			k = int32(len(t.child))
			t.child = append(t.child, 0)
			t.label = append(t.label, c)
			t.pattern = append(t.pattern, 0)
			if n == 0 {
				t.next = append(t.next, 0)
				t.first[c] = k
			} else {
				t.next = append(t.next, t.child[n])
				t.child[n] = k
			}
		}
		n = k
	}
	if t.pattern[n] == 0 {
		t.count++
	}
	t.starts = append(t.starts, int32(from), int32(to))
	t.pattern[n] = int32(len(t.starts) / 2)
}

// patternAt returns the values of the pattern that ends at node n.
func (t *trie) patternAt(n int32) ([]uint8, bool) {
	p := t.pattern[n]
	if p == 0 {
		return nil, false
	}
	from, to := t.starts[2*p-2], t.starts[2*p-1]
	return t.values[from:to:to], true
}

// lookup returns the values of the pattern of letters key.
func (t *trie) lookup(key string) ([]uint8, bool) {
	n := int32(0)
	for i := 0; i < len(key); i++ {
		if n = t.node(n, key[i]); n == 0 {
			return nil, false
		}
	}
	return t.patternAt(n)
}
