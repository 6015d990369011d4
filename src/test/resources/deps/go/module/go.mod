// Hand-written after the Go reference (https://go.dev/ref/mod#go-mod-file); the expected values in
// ../go.expected.json come from `go mod edit -json` (see ../expected_from_go.py).
module example.com/dx/fixture

go 1.19

require example.com/single/direct v1.2.3

require example.com/single/indirect v0.1.0 // indirect

require (
	github.com/pkg/errors v0.9.1
	golang.org/x/text v0.14.0 // indirect
	// a comment line inside the block
	"example.com/quoted/path" v1.0.0
	example.com/nospace v1.1.0 //indirect
	example.com/reason v2.0.0+incompatible // indirect; kept for the vendor tree
	example.com/not/indirect v1.0.0 // indirectly needed? no: this is a direct requirement
	example.com/twice v1.0.0
)

require (
	gopkg.in/yaml.v3 v3.0.1
	example.com/twice v1.1.0
)

exclude example.com/single/direct v1.2.2

replace (
	example.com/old v1.0.0 => example.com/new v1.0.0
	example.com/local => ./local
)

retract [v0.9.0, v0.9.5] // published too early
