//! The database threads: a fixed number of threads, one per pooled connection, that run the
//! requests' blocking database work from one queue.
//!
//! `tokio::task::spawn_blocking` per request grew a thread per request waiting for a
//! connection (tokio keeps up to 512, per runtime) and parked them on the pool: at 32 client
//! connections the server ran 45 such threads, paid a hand-over between threads for each, and
//! SQLite's own allocations (its page caches, through glibc's malloc) spread over an allocator
//! arena per thread, so memory grew with the load. Here the number of threads is the number
//! of connections, and a request that finds them all busy waits in the queue, not on a thread.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

use super::{DbConnection, DbError, Pool};

/// Work for a database thread: called with a connection from the pool (or why there is none).
pub(super) type Job = Box<dyn FnOnce(Result<&mut DbConnection, DbError>) + Send>;

/// Starts `count` threads; they end when the last sender (the last `Db` clone) is dropped.
pub(super) fn start(pool: &Pool, count: u32) -> Result<Sender<Job>, DbError> {
    let (jobs, queue) = channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for n in 0..count {
        let (pool, queue) = (pool.clone(), queue.clone());
        std::thread::Builder::new()
            .name(format!("db-{n}"))
            .spawn(move || serve(&pool, &queue))
            .map_err(DbError::Thread)?;
    }
    Ok(jobs)
}

fn serve(pool: &Pool, queue: &Mutex<Receiver<Job>>) {
    loop {
        // the lock is held only while taking a job, not while running it
        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = next else { return };
        // a panic loses this job's answer (its caller gets `DbError::Worker`), not the thread
        let _ = std::panic::catch_unwind(AssertUnwindSafe(|| match pool.get() {
            Ok(mut conn) => job(Ok(&mut conn)),
            Err(e) => job(Err(DbError::Pool(e))),
        }));
    }
}
