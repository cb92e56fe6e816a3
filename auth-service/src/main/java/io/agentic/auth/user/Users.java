package io.agentic.auth.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.agentic.platform.problem.ApiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The accounts in MongoDB. Usernames and emails are unique regardless of case, enforced by unique
 * indexes on their lower-cased copies so that two concurrent registrations cannot both win.
 */
@Component
public class Users implements InitializingBean {

  private static final Pattern REGEX_META = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

  private final MongoTemplate mongo;

  Users(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Indexes exist before the first request is served. */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(User.COLLECTION);
    indexes.createIndex(
        new Index().on(User.USERNAME_LOWER, Direction.ASC).unique().named("username_unique"));
    indexes.createIndex(
        new Index().on(User.EMAIL_LOWER, Direction.ASC).unique().named("email_unique"));
  }

  /**
   * Stores a new account.
   *
   * @throws ApiException 409 {@code USERNAME_TAKEN} or {@code EMAIL_TAKEN}
   */
  public User create(String username, String email, String passwordHash, String role) {
    User user =
        new User(
            new ObjectId().toHexString(),
            username,
            User.lower(username),
            email,
            User.lower(email),
            passwordHash,
            role,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    try {
      return mongo.insert(user);
    } catch (DuplicateKeyException e) {
      // Taken meanwhile (or unchecked): say which value it was.
      requireFree(username, email);
      throw ApiException.conflict("USERNAME_TAKEN", "This username or email is already taken");
    }
  }

  public Optional<User> findById(String id) {
    if (id == null || !ObjectId.isValid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mongo.findById(id, User.class));
  }

  /** The account whose email (when {@code login} has an {@code @}) or username is {@code login}. */
  public Optional<User> findByLogin(String login) {
    String field = login.indexOf('@') >= 0 ? User.EMAIL_LOWER : User.USERNAME_LOWER;
    return Optional.ofNullable(
        mongo.findOne(query(where(field).is(User.lower(login))), User.class));
  }

  public boolean emailTaken(String email) {
    return mongo.exists(query(where(User.EMAIL_LOWER).is(User.lower(email))), User.class);
  }

  public boolean usernameTaken(String username) {
    return mongo.exists(query(where(User.USERNAME_LOWER).is(User.lower(username))), User.class);
  }

  public Optional<User> changeRole(String id, String role) {
    if (!ObjectId.isValid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        mongo.findAndModify(
            query(where("_id").is(id)),
            new Update().set(User.ROLE, role),
            FindAndModifyOptions.options().returnNew(true),
            User.class));
  }

  /** Deletes the account; false when there was none. */
  public boolean delete(String id) {
    if (id == null || !ObjectId.isValid(id)) {
      return false;
    }
    return mongo.remove(query(where("_id").is(id)), User.class).getDeletedCount() > 0;
  }

  /** Accounts whose username or email contains {@code text}, ignoring case, by username. */
  public List<User> search(String text, int page, int size) {
    return mongo.find(
        containing(text).with(Sort.by(User.USERNAME_LOWER)).skip((long) page * size).limit(size),
        User.class);
  }

  public long countMatching(String text) {
    return mongo.count(containing(text), User.class);
  }

  /** The account whose username or email is exactly {@code text}, ignoring case. */
  public Optional<User> findExactly(String text) {
    String lower = User.lower(text);
    return Optional.ofNullable(
        mongo.findOne(
            query(
                new Criteria()
                    .orOperator(
                        where(User.USERNAME_LOWER).is(lower), where(User.EMAIL_LOWER).is(lower))),
            User.class));
  }

  public long countByRole(String role) {
    return mongo.count(query(where(User.ROLE).is(role)), User.class);
  }

  private static Query containing(String text) {
    if (text == null || text.isBlank()) {
      return new Query();
    }
    // The user's text is matched literally: every regex metacharacter is escaped.
    String literal = REGEX_META.matcher(User.lower(text.trim())).replaceAll("\\\\$0");
    return query(
        new Criteria()
            .orOperator(
                where(User.USERNAME_LOWER).regex(literal), where(User.EMAIL_LOWER).regex(literal)));
  }

  /**
   * @throws ApiException 409 {@code USERNAME_TAKEN} or {@code EMAIL_TAKEN}
   */
  public void requireFree(String username, String email) {
    if (usernameTaken(username)) {
      throw ApiException.conflict("USERNAME_TAKEN", "This username is already taken");
    }
    if (emailTaken(email)) {
      throw ApiException.conflict("EMAIL_TAKEN", "An account with this email already exists");
    }
  }
}
