package io.agentic.execution.nodes.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MongoOperatorPolicyTest {

  @Test
  void listsAreWorkflowServicesSaveTimeLists() {
    // Copied from workflow-service's graph.MongoOperators: the two must not drift apart.
    assertThat(MongoOperatorPolicy.FILTER_OPERATORS)
        .isEqualTo(
            Set.of(
                "$eq",
                "$ne",
                "$gt",
                "$gte",
                "$lt",
                "$lte",
                "$in",
                "$nin",
                "$and",
                "$or",
                "$nor",
                "$not",
                "$exists",
                "$type",
                "$all",
                "$elemMatch",
                "$size"));
    assertThat(MongoOperatorPolicy.UPDATE_OPERATORS)
        .isEqualTo(
            Set.of(
                "$set",
                "$unset",
                "$inc",
                "$mul",
                "$min",
                "$max",
                "$rename",
                "$currentDate",
                "$push",
                "$pull",
                "$pullAll",
                "$addToSet",
                "$pop"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{'status': 'open', 'total': {'$gte': 10, '$lt': 100}}",
        "{'tag': {'$in': ['a', 'b']}, 'other': {'$nin': [1, 2]}, 'x': {'$ne': null}}",
        "{'$or': [{'a': 1}, {'$and': [{'b': {'$exists': true}}, {'c': {'$type': 'string'}}]}]}",
        "{'$nor': [{'a': {'$not': {'$gt': 5}}}]}",
        "{'items': {'$elemMatch': {'qty': {'$gt': 1}, 'sku': 'x'}}}",
        "{'tags': {'$all': ['a'], '$size': 1}, 'address.city': 'Paris'}",
        "{'doc': {'nested': {'plain': 'object'}}}",
        "{'text': '{\\\"$where\\\": \\\"true\\\"}'}"
      })
  void acceptsFiltersMadeOfAllowedOperators(String filter) {
    assertThatCode(() -> MongoOperatorPolicy.checkFilter(Json.map(filter)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'$where': 'sleep(5000)'}|$where",
        "{'$function': {'body': 'function() {return true}', 'args': [], 'lang': 'js'}}|$function",
        "{'$expr': {'$gt': ['$a', '$b']}}|$expr",
        "{'total': {'$accumulator': {'init': 'function() {}'}}}|$accumulator",
        "{'$lookup': {'from': 'users', 'as': 'u', 'pipeline': []}}|$lookup",
        "{'$jsonSchema': {}}|$jsonSchema",
        "{'$text': {'$search': 'x'}}|$text",
        "{'name': {'$regex': '^(a+)+$'}}|$regex",
        "{'loc': {'$near': [0, 0]}}|$near",
        "{'$comment': 'x'}|$comment",
        "{'$and': [{'a': 1}, {'$where': 'true'}]}|$where",
        "{'$or': [{'$nor': [{'$and': [{'$expr': true}]}]}]}|$expr",
        "{'items': {'$elemMatch': {'$where': 'true'}}}|$where",
        "{'items': {'$elemMatch': {'qty': {'$elemMatch': {'$function': {}}}}}}|$function",
        "{'name': {'$where': 'this.a == 1'}}|$where",
        "{'a': {'$not': {'$expr': true}}}|$expr",
        "{'a': {'$in': [{'$where': 'x'}]}}|$where",
        "{'a.$where': 1}|$where",
        "{'$out': 'x'}|$out",
        "{'$merge': 'x'}|$merge"
      })
  void refusesOtherOperatorsAtAnyDepthNamingThem(String filter, String operator) {
    assertThatThrownBy(() -> MongoOperatorPolicy.checkFilter(Json.map(filter)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class,
            f -> {
              assertThat(f.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
              assertThat(f.error().message()).contains("operator " + operator + " ");
              assertThat(f.error().retryable()).isFalse();
            });
  }

  @Test
  void refusesFiltersNestedTooDeep() {
    Map<String, Object> filter = new LinkedHashMap<>();
    Map<String, Object> level = filter;
    for (int i = 0; i < 50; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      level.put("$and", java.util.List.of(next));
      level = next;
    }
    assertThatThrownBy(() -> MongoOperatorPolicy.checkFilter(filter))
        .isInstanceOfSatisfying(
            DatabaseFailure.class, f -> assertThat(f.error().code()).isEqualTo("DATABASE_INVALID"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'': 1}", "{'a..b': 1}", "{'.a': 1}", "{'a.': 1}"})
  void refusesFilterFieldNamesWithEmptySegments(String filter) {
    assertThatThrownBy(() -> MongoOperatorPolicy.checkFilter(Json.map(filter)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class, f -> assertThat(f.error().code()).isEqualTo("DATABASE_INVALID"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'$set': {'status': 'done', 'meta': {'by': 'x'}, 'items.$.qty': 2, 'all.$[].x': 1}}",
        "{'$unset': {'old': ''}, '$inc': {'n': 1}, '$mul': {'p': 2}, '$min': {'lo': 1}}",
        "{'$max': {'hi': 9}, '$rename': {'a': 'b.c'}, '$currentDate': {'at': true}}",
        "{'$currentDate': {'ts': {'$type': 'timestamp'}}}",
        "{'$push': {'log': {'$each': [1, 2], '$slice': -5, '$sort': {'at': 1}, '$position': 0}}}",
        "{'$push': {'log': {'plain': 'entry'}}, '$addToSet': {'tags': {'$each': ['a']}}}",
        "{'$pull': {'items': {'qty': {'$lte': 0}}}, '$pullAll': {'tags': ['x']}, '$pop': {'q': 1}}"
      })
  void acceptsUpdatesMadeOfAllowedOperators(String update) {
    assertThatCode(() -> MongoOperatorPolicy.checkUpdate(Json.map(update)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'$where': 'true'}|$where",
        "{'$setOnInsert': {'a': 1}}|$setOnInsert",
        "{'$bit': {'a': {'and': 1}}}|$bit",
        "{'$set': {'$where': 'x'}}|$where",
        "{'$set': {'a': {'$expr': 1}}}|$expr",
        "{'$set': {'a': [{'b': {'$function': {}}}]}}|$function",
        "{'$set': {'a.$where': 1}}|$where",
        "{'$set': {'a.$[elem]': 1}}|$[elem]",
        "{'$rename': {'a': '$where'}}|$where",
        "{'$rename': {'a': 'b.$'}}|$",
        "{'$pull': {'items': {'$where': 'true'}}}|$where",
        "{'$push': {'log': {'$each': [1], '$function': {}}}}|$function",
        "{'$push': {'log': {'$each': [{'$expr': 1}]}}}|$expr",
        "{'$addToSet': {'tags': {'$each': ['a'], '$slice': 1}}}|$slice",
        "{'$currentDate': {'at': {'$function': 'x'}}}|$function",
        "{'$inc': {'$n': 1}}|$n"
      })
  void refusesOtherUpdateOperatorsAndDollarFieldNames(String update, String operator) {
    assertThatThrownBy(() -> MongoOperatorPolicy.checkUpdate(Json.map(update)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class,
            f -> {
              assertThat(f.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
              assertThat(f.error().message()).contains("operator " + operator + " ");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{'status': 'done'}",
        "{'$set': 'not an object'}",
        "{'$set': {'a..b': 1}}",
        "{'$set': {'': 1}}",
        "{'$rename': {'a': 5}}",
        "{'$rename': {'a': 'b..c'}}",
        "{'$currentDate': {'at': {'$type': 'year'}}}"
      })
  void refusesMalformedUpdates(String update) {
    assertThatThrownBy(() -> MongoOperatorPolicy.checkUpdate(Json.map(update)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class, f -> assertThat(f.error().code()).isEqualTo("DATABASE_INVALID"));
  }

  @Test
  void acceptsDocumentsWithPlainFieldNames() {
    assertThatCode(
            () ->
                MongoOperatorPolicy.checkDocument(
                    Json.map("{'a': 1, 'b': {'c': [{'d': 'x'}]}, 'text': '$where'}")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'$where': 'x'}|$where",
        "{'a': {'$set': 1}}|$set",
        "{'a': [{'b': [{'$ne': 1}]}]}|$ne",
        "{'_id': {'$gt': ''}}|$gt"
      })
  void refusesDollarFieldNamesInDocumentsAtAnyDepth(String document, String operator) {
    assertThatThrownBy(() -> MongoOperatorPolicy.checkDocument(Json.map(document)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class,
            f -> {
              assertThat(f.error().code()).isEqualTo("DATABASE_OPERATOR_REFUSED");
              assertThat(f.error().message()).contains("operator " + operator + " ");
            });
  }

  @Test
  void keepsNamesInMessagesShortAndPrintable() {
    String longName = "$" + "x".repeat(500) + "\u0000";
    assertThatThrownBy(() -> MongoOperatorPolicy.checkFilter(Map.of(longName, 1)))
        .isInstanceOfSatisfying(
            DatabaseFailure.class,
            f -> {
              assertThat(f.error().message()).hasSizeLessThan(300);
              assertThat(f.error().message()).doesNotContain("\u0000");
            });
  }
}
