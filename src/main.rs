//! The `gilvm` binary: a thin shell over `gilvm-cli`, with mimalloc as its allocator.
mod alloc;

#[global_allocator]
static ALLOC: alloc::MiMalloc = alloc::MiMalloc;

fn main() {
    std::process::exit(gilvm_cli::main());
}
