//! The `gilvm` binary: a thin shell over `gilvm-cli`.
fn main() {
    std::process::exit(gilvm_cli::main());
}
