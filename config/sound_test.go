package config

import "testing"

func TestSound_LeavesOutWhatTheProblemsAreAboutAndWhatDependsOnIt(t *testing.T) {
	c := &Config{
		Data: map[string]Dataset{"good": {}, "bad": {}},
		Analyses: map[string]Analysis{
			"on_bad":  {Kind: "trend", Dataset: "bad"},
			"cmp_bad": {Kind: "compare", Of: "on_bad"},
			"on_good": {Kind: "trend", Dataset: "good"},
			"broken":  {Kind: "count", Dataset: "good"},
		},
		Charts: map[string]Chart{"c_bad": {Analysis: "cmp_bad"}, "c_good": {Analysis: "on_good"}},
		Sections: []Section{{Blocks: []Block{
			{Kind: BlockChart, Chart: "c_bad", Path: "sections[0].blocks[0]"},
			{Kind: BlockChart, Chart: "c_good", Path: "sections[0].blocks[1]"},
			{Kind: BlockTable, Analysis: "broken", Path: "sections[0].blocks[2]"},
			{Kind: BlockText, Path: "sections[0].blocks[3]"},
		}}},
	}
	ps := Problems{{Path: "data.bad.path", Msg: "x"}, {Path: "analyses.broken.top", Msg: "y"}, {Path: "sections[0].blocks[3].text", Msg: "z"}}
	sound, rm := c.Sound(ps)
	if sound == nil {
		t.Fatal("nothing sound")
	}
	if _, ok := sound.Analyses["on_good"]; !ok || len(sound.Analyses) != 1 || len(sound.Charts) != 1 || len(sound.Data) != 1 {
		t.Errorf("kept %v / %v / %v", sound.Analyses, sound.Charts, sound.Data)
	}
	for _, k := range []string{"on_bad", "cmp_bad", "broken"} {
		if !rm.Analyses[k] {
			t.Errorf("%s not left out", k)
		}
	}
	if !rm.Blocks["sections[0].blocks[0]"] || rm.Blocks["sections[0].blocks[1]"] || !rm.Blocks["sections[0].blocks[2]"] || !rm.Blocks["sections[0].blocks[3]"] {
		t.Errorf("blocks left out: %v", rm.Blocks)
	}
	if len(c.Analyses) != 4 {
		t.Error("Sound changed the config it was given")
	}
	if s, _ := c.Sound(Problems{{Path: "report.period", Msg: "bad"}}); s != nil {
		t.Error("a report problem leaves nothing to check")
	}
}
